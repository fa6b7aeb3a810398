import type { Lesson } from '../lesson-schema';

export const DEAD_CONNECTIONS: Lesson = {
  id: 'dead-connections',
  title: { en: 'Dead connections', 'zh-CN': '死连接' },
  summary: {
    en: 'A restart, an idle close, a check that lies and a peer that stalls: how a pool finds out a connection is dead.',
    'zh-CN': '服务器重启、空闲关闭、会说谎的检查、卡住的对端：连接池如何发现一条连接已经死了。',
  },
  steps: [
    {
      title: { en: 'The targets restart', 'zh-CN': '目标服务器重启' },
      watch: {
        en: 'The targets restart and every pooled socket dies. The pool finds out on borrow: [[health.hcFailed|health checks fail]], new connections dial, and borrowers never see an error.',
        'zh-CN':
          '目标服务器重启，池中所有套接字都失效了。连接池在借出时才发现：[[health.hcFailed|健康检查失败]]，重新建连，而借用者看不到任何错误。',
      },
      notes: {
        en: 'Idle watching is off and every borrow is checked (validate after idle 0), so each dead connection fails a ping once and is replaced. Press Restart on a target card to do it again.',
        'zh-CN':
          '空闲监视已关闭，每次借出都做检查（空闲后校验为 0），所以每条死连接都会在一次 ping 中失败并被替换。点击目标卡片上的“重启”可以再演示一次。',
      },
      pool: { watchIdle: false, validateAfterIdleMs: 0, heartbeatIntervalMs: 0, minIdle: 4 },
      load: { concurrency: 4, thinkMs: 200 },
      restartTargets: true,
      focus: { panel: 'health', metric: 'rates.healthChecksFailed' },
    },
    {
      title: { en: 'Idle close, no heartbeats', 'zh-CN': '空闲关闭，没有心跳' },
      watch: {
        en: 'The targets close connections silent for 3 s and the load is sparse. Connections close as remote-closed and requests dial again.',
        'zh-CN': '目标服务器会关闭静默 3 秒的连接，而负载很稀疏。连接以 remote-closed 关闭，请求不得不重新建连。',
      },
      notes: {
        en: "This is a server's or a load balancer's idle timeout (MySQL wait_timeout, an AWS NLB's 350 s, HAProxy timeout client) shorter than the pool's idle timeout.",
        'zh-CN':
          '这对应服务器或负载均衡器的空闲超时（MySQL 的 wait_timeout、AWS NLB 的 350 秒、HAProxy 的 timeout client）比连接池的空闲超时更短的情况。',
      },
      pool: { watchIdle: true, validateAfterIdleMs: 500 },
      load: { concurrency: 1, thinkMs: 4000, holdMs: 0, holdJitterMs: 0 },
      targets: { idleCloseMs: 3000 },
      focus: { panel: 'health', metric: 'rates.closed.remote-closed' },
    },
    {
      title: { en: 'Heartbeats keep them alive', 'zh-CN': '心跳让连接保持存活' },
      watch: {
        en: "A pings idle connections every 1 s (Heartbeat interval) before the targets give up on them; B, drawn dashed, sends no heartbeats. A's dials fall to zero while B's connections still close as remote-closed and are dialled again.",
        'zh-CN':
          'A 每 1 秒 ping 一次空闲连接（心跳间隔），赶在服务器放弃它们之前；B（虚线）不发心跳。A 的建连数降到零，而 B 的连接仍以 remote-closed 关闭并被重新建立。',
      },
      notes: {
        en: "HikariCP keepaliveTime and pgx's health check period do this. The heartbeat must be shorter than the shortest idle timeout on the path.",
        'zh-CN': 'HikariCP 的 keepaliveTime 和 pgx 的健康检查周期就是做这件事的。心跳间隔必须短于链路上最短的空闲超时。',
      },
      pool: { heartbeatIntervalMs: 1000 },
      compare: { pool: { heartbeatIntervalMs: 0 } },
      focus: { panel: 'throughput', metric: 'rates.dials' },
      knob: 'heartbeatIntervalMs',
    },
    {
      title: { en: 'The naive check', 'zh-CN': '天真的检查' },
      watch: {
        en: 'The check is now the classic Go isHealthy, which calls EOF healthy, and the targets close connections idle for 1 s. [[health.stale|Stale borrows]] climb: dead connections are handed out.',
        'zh-CN':
          '现在的检查是经典的 Go isHealthy，它把 EOF 当作健康，而目标服务器会关闭空闲 1 秒的连接。[[health.stale|过期借出]]数不断上升：死连接被借了出去。',
      },
      notes: {
        en: 'The bug: a zero-byte read with a deadline returns EOF on a closed socket, and the code treats any error other than a timeout as fine. Each stale borrow is a request that fails on a connection the pool said was healthy.',
        'zh-CN':
          '这个 bug 在于：带超时的零字节读取在已关闭的套接字上返回 EOF，而代码把超时以外的任何错误都当作没问题。每一次过期借出，都是一个在连接池认为“健康”的连接上失败的请求。',
      },
      pool: { watchIdle: false, healthCheckMethod: 'naive-probe', validateAfterIdleMs: 0, heartbeatIntervalMs: 0, minIdle: 0 },
      load: { concurrency: 2, thinkMs: 1500 },
      targets: { idleCloseMs: 1000 },
      focus: { panel: 'health', metric: 'rates.staleBorrows' },
      knob: 'healthCheckMethod',
    },
    {
      title: { en: 'A probe that reads the socket', 'zh-CN': '读取套接字状态的探测' },
      watch: {
        en: 'Health-check method is probe: it looks at the socket and sees the close. [[health.stale|Stale borrows]] stop and [[health.hcFailed|failed checks]] take their place.',
        'zh-CN':
          '健康检查方式改为 probe：它检查套接字状态，能发现对端已关闭。[[health.stale|过期借出]]停止了，取而代之的是[[health.hcFailed|检查失败]]。',
      },
      notes: {
        en: 'A probe costs no round trip, which is why drivers like it. Its blind spot comes in step 7.',
        'zh-CN': '探测不需要往返，所以驱动程序喜欢它。它的盲点会在第 7 步出现。',
      },
      pool: { healthCheckMethod: 'probe' },
      focus: { panel: 'health', metric: 'rates.healthChecksFailed' },
      knob: 'healthCheckMethod',
    },
    {
      title: { en: 'Ping on every borrow', 'zh-CN': '每次借出都 ping' },
      watch: {
        en: "A checks with ping, a framed echo before every borrow; B, drawn dashed, keeps the naive check. B's [[health.stale|stale borrows]] go on while A's checks catch each dead connection first, at a round trip each.",
        'zh-CN':
          'A 用 ping 检查：每次借出前先做一次带帧的回显；B（虚线）仍用天真的检查。B 的[[health.stale|过期借出]]持续出现，而 A 的检查在借出前发现每条死连接，代价是每次一个往返。',
      },
      notes: {
        en: 'HikariCP with connectionTestQuery, or JDBC4 isValid, does this unless the connection was used within 500 ms. Set Validate after idle above 0 to skip the check on hot connections.',
        'zh-CN':
          '配置了 connectionTestQuery 的 HikariCP 或 JDBC4 的 isValid 就是这样做的，除非连接在 500 毫秒内刚被用过。把“空闲后校验”设为大于 0，可以跳过热连接的检查。',
      },
      pool: { healthCheckMethod: 'ping' },
      compare: { pool: { healthCheckMethod: 'naive-probe' } },
      focus: { panel: 'health', metric: 'rates.healthChecksPassed' },
      knob: 'validateAfterIdleMs',
    },
    {
      title: { en: 'The stalled peer', 'zh-CN': '卡住的对端' },
      watch: {
        en: 'The targets accept and read but never answer. The probe passes them because the sockets look fine, and [[throughput.request-timeout|requests time out]].',
        'zh-CN':
          '目标服务器接受连接、读取数据，却从不应答。probe 检查认为套接字一切正常而放行，[[throughput.request-timeout|请求纷纷超时]]。',
      },
      notes: {
        en: 'A hung database, a full disk, a GC pause, a half-open connection behind a firewall. Only an answer proves a peer is alive.',
        'zh-CN': '数据库挂起、磁盘写满、GC 停顿、防火墙后面的半开连接，都是这种情况。只有应答才能证明对端还活着。',
      },
      pool: { healthCheckMethod: 'probe', validateAfterIdleMs: 0, healthCheckTimeoutMs: 200 },
      load: { concurrency: 4, thinkMs: 50, requestTimeoutMs: 1000 },
      targets: { idleCloseMs: 0, stall: true },
      focus: { panel: 'throughput', metric: 'rates.requests.request-timeout' },
    },
    {
      title: { en: 'Ping catches the stall', 'zh-CN': 'ping 发现了卡顿' },
      watch: {
        en: 'Health-check method is ping with a 200 ms timeout. [[health.hcFailed|Checks time out]] instead, and bad connections are culled before a borrower gets them.',
        'zh-CN': '健康检查方式改为 ping，超时 200 毫秒。现在是[[health.hcFailed|检查超时]]，坏连接在借用者拿到之前就被剔除了。',
      },
      notes: {
        en: "pgx added PingTimeout after Acquire hung on an unresponsive ping (jackc/pgx#2394): a check needs its own timeout, shorter than the borrower's patience.",
        'zh-CN':
          'pgx 在 Acquire 因无响应的 ping 而挂起之后加入了 PingTimeout（jackc/pgx#2394）：检查需要自己的超时，而且要比借用者的耐心更短。',
      },
      pool: { healthCheckMethod: 'ping' },
      focus: { panel: 'health', metric: 'rates.healthChecksFailed' },
      knob: 'healthCheckMethod',
    },
  ],
};
