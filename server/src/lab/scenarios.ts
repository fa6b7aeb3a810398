import type { ScenarioSummary } from '@poolscope/shared/protocol';
import { COMPARE_SCENARIOS } from './compare-scenarios';
import type { Scenario } from './scenario';

export type { Scenario };

export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'steady',
    title: 'Steady state',
    focus: { panel: 'pool-state', metric: 'pool.active' },
    watch:
      'A few connections serve a gentle load. Active stays low, idle connections are reused, waits stay near zero and nothing dials after warm-up.',
    pool: {},
    load: {},
    targets: {},
  },
  {
    id: 'exhaustion',
    title: 'Pool exhaustion',
    focus: { panel: 'pool-state', metric: 'pool.waiting' },
    watch:
      '40 workers share 4 connections held 100 ms each. Waiting climbs, wait p99 pins at the acquire timeout (500 ms) and acquire timeouts tick up: the pool, not the target, is the bottleneck.',
    pool: { maxOpen: 4, maxIdle: 4, minIdle: 2, acquireTimeoutMs: 500 },
    load: { concurrency: 40, holdMs: 100, holdJitterMs: 0, thinkMs: 0 },
    targets: {},
  },
  {
    id: 'slow-target',
    title: "Slow target (Little's law)",
    focus: { panel: 'littles-law', metric: 'pool.active' },
    watch:
      'Targets answer in 50 ms. Active connections ≈ acquires per second × mean hold time: raise the latency and watch active grow with it while throughput stays put.',
    pool: { maxOpen: 40, maxIdle: 40 },
    load: { concurrency: 30, holdMs: 0, holdJitterMs: 0, thinkMs: 20 },
    targets: { latencyMs: 50, jitterMs: 10 },
  },
  {
    id: 'target-restart',
    title: 'Target restart and stale connections',
    focus: { panel: 'health', metric: 'rates.healthChecksFailed' },
    watch:
      'The targets restart and every pooled socket dies. With idle watching off, the pool finds out on borrow: health checks fail, connections close as health-check, new ones dial, and borrowers never see an error.',
    pool: { watchIdle: false, validateAfterIdleMs: 0, heartbeatIntervalMs: 0, minIdle: 4 },
    load: { concurrency: 4, thinkMs: 200 },
    targets: {},
    restartTargets: true,
  },
  {
    id: 'heartbeats',
    title: 'Heartbeats versus idle close',
    focus: { panel: 'health', metric: 'rates.closed.remote-closed' },
    watch:
      'Targets close connections silent for 3 s; the load is sparse. Heartbeats every 1 s keep connections alive. Set Heartbeat interval to 0: connections close as remote-closed and requests start dialling.',
    pool: { heartbeatIntervalMs: 1000, minIdle: 4 },
    load: { concurrency: 1, thinkMs: 4000, holdMs: 0, holdJitterMs: 0 },
    targets: { idleCloseMs: 3000 },
  },
  {
    id: 'no-pool',
    title: 'No pool (every request dials)',
    focus: { panel: 'throughput', metric: 'rates.dials' },
    watch:
      'Max idle 0: every release closes its connection (excess-idle) and every acquire dials. Compare dials per second and round-trip time with steady state: this is what a pool saves.',
    pool: { maxIdle: 0, minIdle: 0 },
    load: { concurrency: 8, thinkMs: 10 },
    targets: {},
  },
  {
    id: 'smaller-pool',
    title: 'Smaller pool is faster',
    focus: { panel: 'throughput', metric: 'latency.rttMs.p50' },
    watch:
      'Each target serves only 2 requests at once. With 50 connections the extra requests queue inside the targets and round trips stretch. Drag Max open connections down to 4: the queue moves into the pool and round-trip time drops.',
    pool: { maxOpen: 50, maxIdle: 50 },
    load: { concurrency: 50, holdMs: 0, holdJitterMs: 0, thinkMs: 0 },
    targets: { workers: 2, latencyMs: 5, jitterMs: 0 },
  },
  {
    id: 'dial-storm',
    title: 'Dial storm and backoff',
    focus: { panel: 'targets', metric: 'rates.dials' },
    watch:
      'The targets are down. Dials fail with ECONNREFUSED and each target backs off exponentially (with jitter) up to the cap instead of hammering it; acquires time out carrying the last dial error. Bring a target back up and watch recovery.',
    pool: { minIdle: 4, dialBackoffBaseMs: 100, dialBackoffMaxMs: 5000, acquireTimeoutMs: 1000 },
    load: { concurrency: 8 },
    targets: { down: true },
  },
  {
    id: 'naive-check',
    title: 'Dead connections through the naive check',
    focus: { panel: 'health', metric: 'rates.staleBorrows' },
    watch:
      'The targets close connections idle for 1 s, idle watching is off and the check is the classic Go isHealthy, which calls EOF healthy. Stale borrows climb. Switch Health-check method to probe: they stop.',
    pool: { watchIdle: false, healthCheckMethod: 'naive-probe', validateAfterIdleMs: 0, heartbeatIntervalMs: 0, minIdle: 0 },
    load: { concurrency: 2, thinkMs: 1500 },
    targets: { idleCloseMs: 1000 },
  },
  {
    id: 'stalled-peer',
    title: 'The stalled peer',
    focus: { panel: 'throughput', metric: 'rates.requests.request-timeout' },
    watch:
      'The targets accept and read but never answer. The probe check looks only at the socket, passes them, and requests time out. Switch Health-check method to ping: checks time out instead and bad connections are culled before use.',
    pool: { healthCheckMethod: 'probe', validateAfterIdleMs: 0, healthCheckTimeoutMs: 200 },
    load: { concurrency: 4, requestTimeoutMs: 1000 },
    targets: { stall: true },
  },
  {
    id: 'sticky-packets',
    title: 'Sticky packets',
    focus: { panel: 'throughput', metric: 'rates.requests.bad-reply' },
    watch:
      'Framing none with 200 KiB payloads: the naive client takes the first read as the whole reply. Replies split and stick together, bad replies climb and connections are destroyed. Switch Framing to length-prefixed: they stop.',
    pool: {},
    load: { framing: 'none', payloadBytes: 200_000, concurrency: 4 },
    targets: {},
  },
  {
    id: 'slow-leak',
    title: 'The slow leak',
    focus: { panel: 'health', metric: 'pool.leakSuspects' },
    watch:
      'One borrower in 20 never gives its connection back. The pool drains to zero free connections, waits and acquire timeouts climb and leak suspects are listed with their hold times. Press Reclaim leaked connections to recover.',
    pool: { maxOpen: 10, maxIdle: 10, leakDetectionThresholdMs: 2000, acquireTimeoutMs: 1000 },
    load: { leakRate: 0.05, concurrency: 8 },
    targets: {},
  },
  ...COMPARE_SCENARIOS,
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}

export function summarize(scenario: Scenario): ScenarioSummary {
  return {
    id: scenario.id,
    title: scenario.title,
    watch: scenario.watch,
    focus: scenario.focus,
    ...(scenario.compareB ? { compare: true } : {}),
  };
}
