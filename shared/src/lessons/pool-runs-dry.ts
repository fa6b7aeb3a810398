import type { Lesson } from '../lesson-schema';

export const POOL_RUNS_DRY: Lesson = {
  id: 'pool-runs-dry',
  title: { en: 'When the pool runs dry', 'zh-CN': '连接池耗尽的时候' },
  summary: {
    en: "Exhaustion, the acquire timeout, Little's law, and why a smaller pool can be faster.",
    'zh-CN': '连接池耗尽、获取超时、利特尔法则，以及为什么更小的连接池可能更快。',
  },
  steps: [
    {
      title: { en: 'Exhaustion', 'zh-CN': '连接池耗尽' },
      watch: {
        en: '40 workers share 4 connections, each held 100 ms. [[pool-state.waiting|Waiting]] climbs and stays high: the pool, not the target, is the bottleneck.',
        'zh-CN':
          '40 个工作者共用 4 条连接，每次持有 100 毫秒。[[pool-state.waiting|等待数]]迅速上升并居高不下：瓶颈在连接池，而不在目标服务器。',
      },
      notes: {
        en: 'Four connections at 100 ms each serve at most 40 loans a second; 40 workers ask for far more. The waiting band on the pool-state chart is the queue.',
        'zh-CN': '4 条连接、每次 100 毫秒，每秒最多完成 40 次借用；40 个工作者的需求远不止于此。连接池状态图上的等待区域就是排队的队列。',
      },
      pool: { maxOpen: 4, maxIdle: 4, minIdle: 2, acquireTimeoutMs: 500 },
      load: { concurrency: 40, holdMs: 100, holdJitterMs: 0, thinkMs: 0 },
      focus: { panel: 'pool-state', metric: 'pool.waiting' },
    },
    {
      title: { en: 'The acquire timeout', 'zh-CN': '获取超时' },
      watch: {
        en: 'Acquire timeout drops to 200 ms. [[wait-times.p99|Wait p99]] pins at the timeout and [[health.timeouts|acquire timeouts]] tick up every second.',
        'zh-CN': '获取超时降到 200 毫秒。[[wait-times.p99|等待时间 p99]] 被钉在超时值上，[[health.timeouts|获取超时]]数每秒都在增加。',
      },
      notes: {
        en: 'The timeout does not make the pool faster; it turns waiting into errors. HikariCP connectionTimeout, tarn acquireTimeoutMillis and pg connectionTimeoutMillis are this knob (pg counts the dial in it too).',
        'zh-CN':
          '超时不会让连接池变快，只是把等待变成了错误。HikariCP 的 connectionTimeout、tarn 的 acquireTimeoutMillis 和 pg 的 connectionTimeoutMillis 都是这个旋钮（pg 还把建连时间也算在内）。',
      },
      pool: { acquireTimeoutMs: 200 },
      focus: { panel: 'wait-times', metric: 'rates.acquireTimeouts' },
      knob: 'acquireTimeoutMs',
    },
    {
      title: { en: "Little's law", 'zh-CN': '利特尔法则' },
      watch: {
        en: 'Targets now answer in 50 ms and the pool has room. [[littles-law.active|Active connections]] equal acquires per second times the mean hold time.',
        'zh-CN': '目标服务器现在 50 毫秒才响应，连接池容量充足。[[littles-law.active|使用中的连接数]]等于每秒获取次数乘以平均持有时间。',
      },
      notes: {
        en: "Raise the targets' latency and the active count grows with it while throughput stays put. This is how to size a pool: arrival rate times time in use, plus headroom.",
        'zh-CN':
          '调高目标服务器的延迟，使用中的连接数随之增长，而吞吐量保持不变。这就是估算连接池大小的方法：到达率乘以占用时间，再留出余量。',
      },
      pool: { maxOpen: 40, maxIdle: 40, acquireTimeoutMs: 2000 },
      load: { concurrency: 30, holdMs: 0, thinkMs: 20 },
      targets: { latencyMs: 50, jitterMs: 10 },
      focus: { panel: 'littles-law', metric: 'pool.active' },
      knob: 'latencyMs',
    },
    {
      title: { en: 'A big pool against small targets', 'zh-CN': '大连接池对上小服务器' },
      watch: {
        en: 'Each target serves only 2 requests at once, and 50 connections push 50 requests at them. The extra requests queue inside the targets and [[rtt.p50|round-trip time]] stretches.',
        'zh-CN':
          '每个目标服务器同时只能处理 2 个请求，而 50 条连接同时压上 50 个请求。多出来的请求在服务器内部排队，[[rtt.p50|往返时间]]被拉长。',
      },
      notes: {
        en: 'Like a database with 4 cores and 50 busy sessions: everything is "in progress" and everything is slow.',
        'zh-CN': '就像一台 4 核数据库上同时跑着 50 个忙碌的会话：所有请求都在“处理中”，所有请求都很慢。',
      },
      pool: { maxOpen: 50, maxIdle: 50 },
      load: { concurrency: 50, thinkMs: 0 },
      targets: { workers: 2, latencyMs: 5, jitterMs: 0 },
      focus: { panel: 'throughput', metric: 'latency.rttMs.p50' },
    },
    {
      title: { en: 'Smaller is faster', 'zh-CN': '更小反而更快' },
      watch: {
        en: "A drops to 4 Max open connections; B, drawn dashed, keeps 50. A's queue moves out of the targets into the pool, and A's [[rtt.p50|round-trip p50]] falls below B's.",
        'zh-CN': 'A 的最大连接数降到 4；B（虚线）保持 50。A 的队列从目标服务器移到了连接池里，A 的[[rtt.p50|往返时间 p50]]低于 B。',
      },
      notes: {
        en: "Throughput stays about the same because the targets were the limit all along; what changed is where the waiting happens. The PostgreSQL wiki's rule of thumb: connections = cores × 2 + effective spindles.",
        'zh-CN':
          '吞吐量基本不变，因为限制一直在目标服务器；变化的是等待发生的位置。PostgreSQL wiki 的经验公式：连接数 = 核数 × 2 + 有效磁盘数。',
      },
      pool: { maxOpen: 4, maxIdle: 4 },
      compare: { pool: { maxOpen: 50, maxIdle: 50 } },
      focus: { panel: 'throughput', metric: 'latency.rttMs.p50' },
      knob: 'maxOpen',
    },
  ],
};
