import type { Lesson } from '../lesson-schema';

export const WHY_POOLS: Lesson = {
  id: 'why-pools',
  title: { en: 'Why pools exist', 'zh-CN': '为什么需要连接池' },
  summary: {
    en: 'From a connection per request to a warm pool: what dialling costs, what max idle keeps and what min idle prepares.',
    'zh-CN': '从每个请求建一条连接，到预热好的连接池：建连的代价、最大空闲保留了什么、最小空闲提前准备了什么。',
  },
  steps: [
    {
      title: { en: 'No pool: every request dials', 'zh-CN': '没有连接池：每个请求都要建连' },
      watch: {
        en: 'Max idle is 0, so every release closes its connection and every request dials a new one. Dials per second climb to match the requests.',
        'zh-CN': '最大空闲连接数为 0，每次归还都会关闭连接，每个请求都要重新建连。每秒建连数一路上升，与请求数持平。',
      },
      notes: {
        en: 'Eight workers, 10 ms think time. Point at the big Dials per second number beside the traffic chart: it tracks the requests per second one for one. On a real network each dial is a TCP handshake (one round trip) and for TLS or a database login several more. Ask the class what that costs at 1,000 requests a second.',
        'zh-CN':
          '8 个工作者，思考时间 10 毫秒。指给大家看吞吐图旁的大号“每秒建连数”：它和每秒请求数一一对应。在真实网络中，每次建连都是一次 TCP 握手（一个往返），TLS 或数据库登录还要更多往返。请同学们想想每秒 1000 个请求时这要花多少代价。',
      },
      pool: { maxIdle: 0, minIdle: 0 },
      load: { concurrency: 8, thinkMs: 10 },
      focus: { panel: 'throughput', metric: 'rates.dials' },
      knob: 'maxIdle',
    },
    {
      title: { en: 'A pool: connections are reused', 'zh-CN': '有了连接池：连接被复用' },
      watch: {
        en: "A keeps released connections for the next borrower (Max idle 10); B, drawn dashed, is still no pool (Max idle 0). A's dials fall to zero after warm-up while B dials for every request, and both serve the same [[throughput.ok|ok requests]].",
        'zh-CN':
          'A 把归还的连接留给下一个借用者（最大空闲 10）；B（虚线）仍然没有连接池（最大空闲 0）。预热之后 A 的建连数降到零，而 B 每个请求都要建连，两者完成的[[throughput.ok|成功请求]]一样多。',
      },
      notes: {
        en: 'Same load as before. The round trip no longer includes a handshake, and the targets see a handful of long-lived connections instead of a stream of short ones.',
        'zh-CN': '负载与上一步相同。往返时间里不再包含握手，目标服务器看到的是少量长连接，而不是源源不断的短连接。',
      },
      pool: { maxIdle: 10 },
      compare: { pool: { maxIdle: 0 } },
      focus: { panel: 'throughput', metric: 'rates.dials' },
      knob: 'maxIdle',
    },
    {
      title: { en: 'Too few idle slots: churn', 'zh-CN': '空闲位太少：连接反复开关' },
      watch: {
        en: 'Max idle is 2 while 8 workers borrow at once. Connections beyond 2 close as excess-idle on release and are dialled again moments later.',
        'zh-CN': '最大空闲连接数为 2，而 8 个工作者同时借用。超过 2 条的连接在归还时以 excess-idle 关闭，片刻之后又被重新建立。',
      },
      notes: {
        en: 'This is the database/sql default trap: MaxIdleConns 2 under a busier load. The closes-by-reason list in the health panel shows excess-idle climbing; the Dials per second number beside the traffic chart rises with it.',
        'zh-CN':
          '这正是 Go database/sql 默认值的陷阱：MaxIdleConns 为 2，而负载更高。健康面板中按原因统计的关闭数里 excess-idle 不断上升，吞吐图旁的“每秒建连数”也随之升高。',
      },
      pool: { maxIdle: 2 },
      focus: { panel: 'health', metric: 'rates.closed.excess-idle' },
      knob: 'maxIdle',
    },
    {
      title: { en: 'Warm-up with min idle', 'zh-CN': '用最小空闲连接预热' },
      watch: {
        en: 'The load is paused and Min idle is 8. The pool dials 8 connections ahead of demand, and they [[pool-state.idle|sit idle]], ready.',
        'zh-CN': '负载已暂停，最小空闲连接数为 8。连接池在需求到来之前建好 8 条连接，它们处于[[pool-state.idle|空闲状态]]，随时可用。',
      },
      notes: {
        en: 'Without min idle the first burst after a quiet spell pays for every dial. pgx MinIdleConns and HikariCP minimumIdle do this; pg.Pool min does not prefill.',
        'zh-CN':
          '没有最小空闲连接时，安静一段时间后的第一波请求要为每次建连买单。pgx 的 MinIdleConns 和 HikariCP 的 minimumIdle 会预先建连；pg.Pool 的 min 不会预填充。',
      },
      pool: { maxIdle: 10, minIdle: 8 },
      load: { running: false },
      focus: { panel: 'pool-state', metric: 'pool.idle' },
      knob: 'minIdle',
    },
    {
      title: { en: 'The burst finds a warm pool', 'zh-CN': '突发流量遇到预热好的池' },
      watch: {
        en: 'The load starts again with 8 workers. [[wait-times.p99|Acquire wait p99]] stays near zero because every borrower finds a connection ready.',
        'zh-CN': '负载重新开始，8 个工作者。[[wait-times.p99|获取等待时间 p99]] 接近零，因为每个借用者都能拿到现成的连接。',
      },
      notes: {
        en: 'Compare with step 1: no dials, no waits. End the lesson by asking what min idle costs (idle sockets on the server side) and when that is worth paying.',
        'zh-CN':
          '与第 1 步对比：没有建连，也没有等待。最后请同学们思考最小空闲连接的代价（服务器端的空闲套接字），以及什么时候值得付出这个代价。',
      },
      load: { running: true },
      focus: { panel: 'wait-times', metric: 'latency.acquireWaitMs.p99' },
    },
  ],
};
