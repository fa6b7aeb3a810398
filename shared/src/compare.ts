import type { LoadConfig, LoadConfigPatch } from './load-config';
import type { PoolConfig, PoolConfigPatch } from './pool-config';
import type { ArmSnapshot, CompareSnapshot, KnobDiff, SummaryRow } from './snapshot';
import type { RequestOutcome } from './vocabulary';
import { REQUEST_OUTCOMES } from './vocabulary';

/**
 * Compare: two pools side by side under one seeded load. The running lab is arm A; a
 * comparison adds arm B (A's config with a patch), with its own pool and its own clones of
 * A's embedded targets. External targets are dialled by both arms (`sharedTargetIds`).
 */
export const ARMS = ['a', 'b'] as const;
export type Arm = (typeof ARMS)[number];

// Declared beside the snapshot that carries them, so snapshot.ts and this file need not import each other.
export type { ArmSnapshot, CompareSnapshot, KnobDiff, SummaryRow };

/** Which arm a target control reaches while comparing; `both` (the default) reaches both at the same instant. */
export const ARM_SCOPES = ['a', 'b', 'both'] as const;
export type ArmScope = (typeof ARM_SCOPES)[number];

export interface ArmConfig {
  pool: PoolConfig;
  load: LoadConfig;
}

export interface ArmConfigPatch {
  pool?: PoolConfigPatch;
  load?: LoadConfigPatch;
}

/**
 * Body of `PUT /api/compare`, `PATCH /api/compare/b`, `compare:start` and `compare:patch`.
 * `b` is validated exactly like `PATCH /api/config` (all or nothing). `seed` (start only)
 * fixes the shared load schedule; without it the lab picks one and reports it.
 */
export interface CompareRequest {
  b: ArmConfigPatch;
  seed?: number;
}

/**
 * What every compare control answers (PUT, PATCH b, DELETE, keep-b and their socket acks).
 * Stopped: `running: false`, `b: null`, `diff: []`, `seed` and `startedAt` null.
 */
export interface CompareState {
  running: boolean;
  a: ArmConfig;
  b: ArmConfig | null;
  diff: KnobDiff[];
  /** Seed of the one schedule both arms are driven from. */
  seed: number | null;
  /** Wall-clock ms since the epoch when B started. */
  startedAt: number | null;
  /** External targets both arms dial (one server, two pools): their numbers are not independent. */
  sharedTargetIds: string[];
}

/** `summary` is computed over the last `windowS` seconds of one-second samples. */
export const COMPARE_WINDOW_S = { default: 30, min: 5, max: 900 } as const;
/** Fewer one-second samples per arm than this and no row is marked significant. */
export const COMPARE_MIN_SAMPLES = 5;
/** Two-sided p-value below which a difference is reported as significant (benchstat prints `~` above it). */
export const COMPARE_ALPHA = 0.05;

/**
 * How a row's `a` and `b` are formed from the window's one-second samples: `mean` for rates and
 * gauges (so rare events such as timeouts are not rounded away), `median` for percentiles.
 * `better` tells the dashboard which value to mark: `lower`, `higher`, or `none` (no verdict).
 */
export interface SummaryMetricInfo {
  id: string;
  label: string;
  unit: string;
  stat: 'mean' | 'median';
  better: 'lower' | 'higher' | 'none';
}

const outcomeMetric = (outcome: RequestOutcome): SummaryMetricInfo => ({
  id: `requestsPerSec.${outcome}`,
  label: `Requests ${outcome}`,
  unit: 'req/s',
  stat: 'mean',
  better: outcome === 'ok' ? 'higher' : 'lower',
});

/** The stable metric ids of `summary`, in table order. New ids may be added; none is renamed. */
export const SUMMARY_METRICS: readonly SummaryMetricInfo[] = [
  ...REQUEST_OUTCOMES.map(outcomeMetric),
  { id: 'acquireWaitMs.p50', label: 'Acquire wait p50', unit: 'ms', stat: 'median', better: 'lower' },
  { id: 'acquireWaitMs.p99', label: 'Acquire wait p99', unit: 'ms', stat: 'median', better: 'lower' },
  { id: 'rttMs.p50', label: 'Round trip p50', unit: 'ms', stat: 'median', better: 'lower' },
  { id: 'rttMs.p99', label: 'Round trip p99', unit: 'ms', stat: 'median', better: 'lower' },
  { id: 'acquireTimeoutsPerSec', label: 'Acquire timeouts', unit: '/s', stat: 'mean', better: 'lower' },
  { id: 'dialsPerSec', label: 'Dials', unit: '/s', stat: 'mean', better: 'lower' },
  { id: 'healthChecksFailedPerSec', label: 'Health-check failures', unit: '/s', stat: 'mean', better: 'lower' },
  { id: 'staleBorrowsPerSec', label: 'Stale borrows', unit: '/s', stat: 'mean', better: 'lower' },
  { id: 'openConnections', label: 'Open connections', unit: 'connections', stat: 'mean', better: 'none' },
];

/** `GET /api/compare`. */
export interface CompareReport extends CompareState {
  windowS: number;
  /** One-second samples per arm inside the window. */
  samples: { a: number; b: number };
  summary: SummaryRow[];
}
