// Hand-built comparison snapshots for unit tests only; the product never shows fake data.
import type { CompareSnapshot, SummaryRow } from '@poolscope/shared/compare';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { makeSnapshot } from './fixtures';

export function makeSummaryRow(overrides: Partial<SummaryRow> = {}): SummaryRow {
  return {
    metric: 'rttMs.p50',
    unit: 'ms',
    a: 0.4,
    b: 0.2,
    delta: -0.2,
    deltaPct: -50,
    pValue: 0.001,
    significant: true,
    better: 'b',
    ...overrides,
  };
}

/** A snapshot of arm A with arm B beside it; B's pool has `bOpen` connections open. */
export function makeComparingSnapshot(overrides: Partial<Snapshot> = {}, bOpen = 7, summary: SummaryRow[] = [makeSummaryRow()]): Snapshot {
  const a = makeSnapshot(overrides);
  const b = makeSnapshot({
    t: a.t,
    pool: { ...a.pool, open: bOpen, maxOpen: 4 },
    config: { ...a.config, pool: { ...a.config.pool, maxOpen: 4 } },
  });
  const compare: CompareSnapshot = {
    b: {
      pool: b.pool,
      totals: b.totals,
      rates: b.rates,
      latency: b.latency,
      waitHistogram: b.waitHistogram,
      targets: b.targets,
      connections: b.connections,
      connectionCounts: b.connectionCounts,
      recentlyClosed: b.recentlyClosed,
      leakSuspects: b.leakSuspects,
      config: b.config,
    },
    diff: [{ scope: 'pool', knob: 'maxOpen', a: a.config.pool.maxOpen, b: 4, label: `B: maxOpen 4 (A: ${a.config.pool.maxOpen})` }],
    seed: 1,
    startedAt: a.t - 10_000,
    sharedTargetIds: [],
    windowS: 30,
    summary,
  };
  return { ...a, compare };
}
