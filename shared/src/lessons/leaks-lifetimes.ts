import type { Lesson } from '../lesson-schema';

export const LEAKS_LIFETIMES: Lesson = {
  id: 'leaks-lifetimes',
  title: { en: 'Leaks and lifetimes', 'zh-CN': '泄漏与生命周期' },
  summary: {
    en: 'A borrower that never gives back, how leak detection names it, and why connections should not all die at once.',
    'zh-CN': '借了不还的借用者、泄漏检测如何把它揪出来，以及为什么连接不应该同时死去。',
  },
  steps: [
    {
      title: { en: 'The slow leak', 'zh-CN': '缓慢的泄漏' },
      watch: {
        en: 'One borrower in 20 never gives its connection back. [[pool-state.active|Active connections]] creep up to 10, [[pool-state.idle|free ones]] vanish and [[pool-state.waiting|waiting]] starts.',
        'zh-CN':
          '每 20 个借用者中就有一个从不归还连接。[[pool-state.active|使用中的连接]]慢慢涨到 10，[[pool-state.idle|空闲连接]]消失，开始出现[[pool-state.waiting|等待]]。',
      },
      notes: {
        en: 'A missing release in an error path, a stream never closed. Nothing fails at first; minutes later every acquire times out.',
        'zh-CN': '错误分支里漏掉了归还，或者某个流一直没关闭。起初什么都不会失败；几分钟后，每一次获取都会超时。',
      },
      pool: { maxOpen: 10, maxIdle: 10, acquireTimeoutMs: 1000 },
      load: { leakRate: 0.05, concurrency: 8 },
      focus: { panel: 'pool-state', metric: 'pool.active' },
      knob: 'leakRate',
    },
    {
      title: { en: 'Leak detection names them', 'zh-CN': '泄漏检测点名' },
      watch: {
        en: 'Leak detection threshold is 2 s: every loan held longer is listed as a suspect with its hold time. The suspects count matches the lost connections.',
        'zh-CN': '泄漏检测阈值为 2 秒：持有更久的借用都会作为嫌疑列出，并显示持有时长。嫌疑数与丢失的连接数一致。',
      },
      notes: {
        en: "HikariCP leakDetectionThreshold logs the borrower's stack trace; here the health panel lists the suspects. Press Reclaim leaked connections to take them back by force.",
        'zh-CN':
          'HikariCP 的 leakDetectionThreshold 会记录借用者的调用栈；这里由健康面板列出嫌疑借用。点击“回收泄漏连接”可以强制收回它们。',
      },
      pool: { leakDetectionThresholdMs: 2000 },
      focus: { panel: 'health', metric: 'pool.leakSuspects' },
      knob: 'leakDetectionThresholdMs',
    },
    {
      title: { en: 'Lifetimes without jitter', 'zh-CN': '没有抖动的生命周期' },
      watch: {
        en: 'The leak is fixed, Max lifetime is 10 s and Lifetime jitter is 0 %. Connections dialled together expire together: closes by max-lifetime come in bursts and dials spike with them.',
        'zh-CN':
          '泄漏已修复，最大存活时间为 10 秒，生命周期抖动为 0%。一起建立的连接一起过期：max-lifetime 关闭成批出现，建连数也随之骤增。',
      },
      notes: {
        en: 'Max lifetime exists because servers, proxies and DNS change under a pool; retiring connections picks up the changes. Without jitter the retirements synchronise into a mass extinction every period.',
        'zh-CN':
          '设置最大存活时间，是因为服务器、代理和 DNS 会在连接池底下发生变化；让连接退役才能跟上这些变化。没有抖动时，退役会同步成每个周期一次的“集体灭绝”。',
      },
      pool: { maxOpen: 10, maxIdle: 10, minIdle: 10, maxLifetimeMs: 10_000, maxLifetimeJitterPct: 0, leakDetectionThresholdMs: 0 },
      load: { leakRate: 0, concurrency: 8 },
      focus: { panel: 'connection-lifetimes', metric: 'rates.closed.max-lifetime' },
      knob: 'maxLifetimeJitterPct',
    },
    {
      title: { en: 'Lifetimes with jitter', 'zh-CN': '带抖动的生命周期' },
      watch: {
        en: "A's Lifetime jitter is 25 %: each connection retires somewhere between 7.5 and 10 s. B, drawn dashed, keeps 0 %: its max-lifetime closes still come in bursts while A's spread into a steady trickle.",
        'zh-CN':
          'A 的生命周期抖动为 25%：每条连接在 7.5 到 10 秒之间的某个时刻退役。B（虚线）保持 0%：它的 max-lifetime 关闭仍然成批出现，而 A 的退役被摊开成平稳的细流。',
      },
      notes: {
        en: 'HikariCP subtracts up to 2.5 % in 6.0.0 and up to 25 % since November 2024 (PR #2035); pgx has MaxConnLifetimeJitter. Watch the lanes in the connection lifetimes panel stop ending in one column.',
        'zh-CN':
          'HikariCP 6.0.0 会减去最多 2.5%，自 2024 年 11 月起（PR #2035）提高到最多 25%；pgx 有 MaxConnLifetimeJitter。观察连接生命周期面板中的泳道，它们不再在同一列结束。',
      },
      pool: { maxLifetimeJitterPct: 25 },
      compare: { pool: { maxLifetimeJitterPct: 0 } },
      focus: { panel: 'connection-lifetimes', metric: 'rates.closed.max-lifetime' },
      knob: 'maxLifetimeJitterPct',
    },
  ],
};
