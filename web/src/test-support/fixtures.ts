// Hand-built snapshots for unit tests only; the product never shows fake data.
import { DEFAULT_LOAD_CONFIG, DEFAULT_POOL_CONFIG, DEFAULT_TARGET_KNOBS } from '@poolscope/shared/config-rules';
import type { Counters, Percentiles, Snapshot } from '@poolscope/shared/snapshot';
import { CLOSE_REASONS, REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';

const zeroBy = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const pct = (p50: number, mean = p50): Percentiles => ({ p50, p90: p50 * 2, p99: p50 * 4, max: p50 * 5, mean, count: 10 });

function counters(): Counters {
  return {
    acquires: 100,
    acquiresWaited: 5,
    acquireTimeouts: 0,
    rejected: 0,
    dials: 4,
    dialFailures: 0,
    healthChecksPassed: 20,
    healthChecksFailed: 0,
    staleBorrows: 0,
    requestsStarted: 100,
    closed: zeroBy(CLOSE_REASONS),
    requests: { ...zeroBy(REQUEST_OUTCOMES), ok: 100 },
  };
}

export function makeSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  const t = overrides.t ?? 1_700_000_000_000;
  return {
    seq: 1,
    t,
    pool: {
      open: 4,
      idle: 2,
      active: 2,
      connecting: 0,
      validating: 0,
      closing: 0,
      waiting: 0,
      maxOpen: 10,
      minIdle: 2,
      maxIdle: 10,
      socketBudget: 9872,
      oldestWaitMs: 0,
      leakSuspects: 0,
    },
    totals: {
      ...counters(),
      requestsInFlight: 2,
      dialFailuresByCode: {},
      healthChecksByMethod: {
        ping: { passed: 20, failed: 0 },
        probe: { passed: 0, failed: 0 },
        'naive-probe': { passed: 0, failed: 0 },
        none: { passed: 0, failed: 0 },
      },
    },
    rates: counters(),
    latency: {
      acquireWaitMs: pct(0.1),
      rttMs: pct(0.3),
      dialMs: pct(1),
      holdMs: pct(20, 22),
      healthCheckMs: pct(0.2),
      lifespanMs: pct(5000),
    },
    waitHistogram: [
      { upToMs: 1, count: 8 },
      { upToMs: 10, count: 2 },
    ],
    targets: [
      {
        id: 't1',
        address: '127.0.0.1:4001',
        embedded: true,
        state: 'up',
        open: 2,
        healthChecksFailed: 0,
        dialFailures: 0,
        requestsPerSec: 50,
        lastError: null,
        knobs: { ...DEFAULT_TARGET_KNOBS },
        server: null,
      },
      {
        id: 't2',
        address: '127.0.0.1:4002',
        embedded: true,
        state: 'down',
        open: 2,
        healthChecksFailed: 3,
        dialFailures: 7,
        requestsPerSec: 50,
        lastError: 'ECONNREFUSED',
        knobs: { ...DEFAULT_TARGET_KNOBS, down: true },
        server: null,
      },
    ],
    connections: [
      { id: 1, targetId: 't1', state: 'active', ageMs: 4000, idleMs: 0, uses: 30 },
      { id: 2, targetId: 't1', state: 'idle', ageMs: 3000, idleMs: 12, uses: 25 },
      { id: 3, targetId: 't2', state: 'validating', ageMs: 2000, idleMs: 600, uses: 3 },
      { id: 4, targetId: 't2', state: 'connecting', ageMs: 5, idleMs: 0, uses: 0 },
    ],
    connectionCounts: { total: 4, listed: 4, byTargetAndState: { t1: { active: 1, idle: 1 }, t2: { validating: 1, connecting: 1 } } },
    recentlyClosed: [{ id: 9, targetId: 't2', reason: 'health-check', closedAt: t - 1000, ageMs: 9000, uses: 12 }],
    leakSuspects: [],
    markers: [],
    config: { pool: { ...DEFAULT_POOL_CONFIG }, load: { ...DEFAULT_LOAD_CONFIG } },
    scenarioId: null,
    lesson: null,
    compare: null,
    eventsDropped: 0,
    viewers: 1,
    relayViewers: 0,
    ...overrides,
  };
}
