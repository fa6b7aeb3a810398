import type { Scenario } from './scenario';

/**
 * Comparison scenarios: A is set up as the scenario says, then B starts as A with `compareB`.
 * Each "what to watch" names the summary metric (docs/API.md ids) where the arms part.
 */
export const COMPARE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'compare-no-pool',
    title: 'Compare: pool vs no pool',
    focus: { panel: 'throughput', metric: 'rates.dials' },
    watch:
      'A pools its connections; B keeps none idle (Max idle 0), so every request dials. Watch Dials (dialsPerSec): B dials about once per request, A about never. B pays each dial inside its acquire: Acquire wait (acquireWaitMs.p50, p99) is higher in B.',
    pool: {},
    load: { concurrency: 8, thinkMs: 10 },
    targets: {},
    compareB: { pool: { maxIdle: 0, minIdle: 0 } },
  },
  {
    id: 'compare-smaller-pool',
    title: 'Compare: 50 vs 4 connections (smaller is faster)',
    focus: { panel: 'throughput', metric: 'latency.rttMs.p50' },
    watch:
      "Each target serves 2 requests at once. A opens 50 connections and the extra requests queue inside the targets; B opens 4 and they queue in the pool instead. Watch Round trip p50 (rttMs.p50): several times lower in B. Acquire wait (acquireWaitMs.p50) shows where B's queue went. Throughput (requestsPerSec.ok) is bounded by the targets' workers in both; B gives a little up to the hand-offs between borrowers.",
    pool: { maxOpen: 50, maxIdle: 50 },
    load: { concurrency: 50, holdMs: 0, holdJitterMs: 0, thinkMs: 0 },
    targets: { workers: 2, latencyMs: 5, jitterMs: 0 },
    compareB: { pool: { maxOpen: 4, maxIdle: 4 } },
  },
  {
    id: 'compare-idle-order',
    title: 'Compare: LIFO vs FIFO idle order',
    focus: { panel: 'pool-state', metric: 'pool.open' },
    watch:
      'Bursty arrivals (20/s, holds of 0-200 ms) and a 1 s idle timeout. A reuses the most recent connection (LIFO): the spare ones sit idle, time out and are dialled again at the next burst. B (FIFO) rotates through all of them, so none stays idle for 1 s. Watch Open connections (openConnections): higher in B; Dials (dialsPerSec): higher in A.',
    pool: { maxOpen: 20, maxIdle: 20, minIdle: 0, idleTimeoutMs: 1000 },
    load: { mode: 'open', ratePerSec: 20, holdMs: 100, holdJitterMs: 100 },
    targets: {},
    compareB: { pool: { idleOrder: 'fifo' } },
  },
  {
    id: 'compare-heartbeats',
    title: 'Compare: heartbeats vs none, against idle close',
    focus: { panel: 'throughput', metric: 'rates.dials' },
    watch:
      'Targets close connections silent for 3 s and the load is sparse. A sends a heartbeat every second and keeps its connections; B sends none, so they close as remote-closed and requests dial again. Watch Dials (dialsPerSec): higher in B; Open connections (openConnections): lower in B.',
    pool: { heartbeatIntervalMs: 1000, minIdle: 4 },
    load: { concurrency: 1, thinkMs: 4000, holdMs: 0, holdJitterMs: 0 },
    targets: { idleCloseMs: 3000 },
    compareB: { pool: { heartbeatIntervalMs: 0 } },
  },
  {
    id: 'compare-naive-check',
    title: 'Compare: naive probe vs ping, against idle close',
    focus: { panel: 'health', metric: 'rates.staleBorrows' },
    watch:
      "Targets close connections idle for 1 s and idle watching is off. A checks with the naive probe (EOF counts as healthy) and hands out dead connections; B pings and culls them before use. Watch Stale borrows (staleBorrowsPerSec): above zero in A, zero in B; Health-check failures (healthChecksFailedPerSec): B's.",
    pool: { watchIdle: false, healthCheckMethod: 'naive-probe', validateAfterIdleMs: 0, heartbeatIntervalMs: 0, minIdle: 0 },
    load: { concurrency: 2, thinkMs: 1500 },
    targets: { idleCloseMs: 1000 },
    compareB: { pool: { healthCheckMethod: 'ping' } },
  },
];
