import type { CloseReason, ConnectionState, RequestOutcome, TargetState } from './vocabulary';
import type { HealthCheckMethod, PoolConfig } from './pool-config';
import type { LoadConfig } from './load-config';
import type { TargetKnobs } from './target-config';
import type { LessonPosition } from './lesson-schema';

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  count: number;
}

export interface PoolGauges {
  open: number;
  idle: number;
  active: number;
  connecting: number;
  validating: number;
  closing: number;
  waiting: number;
  maxOpen: number;
  minIdle: number;
  maxIdle: number;
  /** Sockets the pool may hold at once (from the process's fd limit): maxOpen 0 means up to this. 0 = no budget. */
  socketBudget: number;
  oldestWaitMs: number;
  leakSuspects: number;
}

/** Monotonic counters since the lab started. `rates` carries the same numeric keys per second. */
export interface Counters {
  acquires: number;
  acquiresWaited: number;
  acquireTimeouts: number;
  rejected: number;
  dials: number;
  dialFailures: number;
  healthChecksPassed: number;
  healthChecksFailed: number;
  staleBorrows: number;
  requestsStarted: number;
  closed: Record<CloseReason, number>;
  requests: Record<RequestOutcome, number>;
}

export interface Totals extends Counters {
  requestsInFlight: number;
  dialFailuresByCode: Record<string, number>;
  healthChecksByMethod: Record<HealthCheckMethod, { passed: number; failed: number }>;
}

export interface LatencySummary {
  acquireWaitMs: Percentiles;
  rttMs: Percentiles;
  dialMs: Percentiles;
  holdMs: Percentiles;
  healthCheckMs: Percentiles;
  lifespanMs: Percentiles;
}

export interface HistogramBucket {
  upToMs: number;
  count: number;
}

export interface TargetSnapshot {
  id: string;
  address: string;
  embedded: boolean;
  state: TargetState;
  open: number;
  healthChecksFailed: number;
  dialFailures: number;
  requestsPerSec: number;
  lastError: string | null;
  knobs: TargetKnobs | null;
  server: TargetServerCounters | null;
}

/** Counted by an embedded echo target itself (the far side of the sockets). */
export interface TargetServerCounters {
  connectionsOpen: number;
  connectionsAccepted: number;
  connectionsRefused: number;
  requestsServed: number;
  requestsQueued: number;
  bytesIn: number;
  bytesOut: number;
}

export interface ConnectionSnapshot {
  id: number;
  targetId: string;
  state: ConnectionState;
  ageMs: number;
  idleMs: number;
  uses: number;
}

export interface ClosedConnectionSnapshot {
  id: number;
  targetId: string;
  reason: CloseReason;
  closedAt: number;
  ageMs: number;
  uses: number;
}

export interface LeakSuspectSnapshot {
  connectionId: number;
  targetId: string;
  heldMs: number;
  borrowedAt: number;
}

export const MARKER_KINDS = ['config', 'scenario', 'fault'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/**
 * What a marker says, as data: the dashboard words it from `code`, `params` and `changes` in the
 * reader's language (`label` is the same in English, for logs and older readers). New codes may
 * be added; none is renamed. Params by code:
 * - `config-changed` { scope: 'pool' | 'load' }, changes knob from→to
 * - `scenario-applied` { scenarioId }; `lesson-step` { lessonId, step, count }
 * - `compare-started` changes knob from A to B (none: an A/A run); `compare-patched` changes B's knobs (to only)
 * - `compare-stopped`, `compare-kept-b` (no params)
 * - `target-changed` and `target-b-changed` { targetId }, changes knob from→to (B's: to only); `target-restarted` { targetId }
 * - `leaks-reclaimed` { count }
 */
export const MARKER_CODES = [
  'config-changed',
  'scenario-applied',
  'lesson-step',
  'compare-started',
  'compare-patched',
  'compare-stopped',
  'compare-kept-b',
  'target-changed',
  'target-b-changed',
  'target-restarted',
  'leaks-reclaimed',
] as const;
export type MarkerCode = (typeof MARKER_CODES)[number];

/** One knob a marker says changed: its API name and values (`from` absent when only the new value is known). */
export interface MarkerChange {
  knob: string;
  from?: string | number | boolean;
  to: string | number | boolean;
}

export interface Marker {
  id: number;
  t: number;
  kind: MarkerKind;
  label: string;
  code?: MarkerCode;
  params?: Record<string, string | number>;
  changes?: MarkerChange[];
}

export interface Snapshot {
  seq: number;
  /** Wall-clock milliseconds since the epoch when the snapshot was taken. */
  t: number;
  pool: PoolGauges;
  totals: Totals;
  rates: Omit<Counters, never>;
  latency: LatencySummary;
  waitHistogram: HistogramBucket[];
  targets: TargetSnapshot[];
  connections: ConnectionSnapshot[];
  /** Every connection counted, even past the cap on `connections`. */
  connectionCounts: { total: number; listed: number; byTargetAndState: Record<string, Partial<Record<ConnectionState, number>>> };
  recentlyClosed: ClosedConnectionSnapshot[];
  leakSuspects: LeakSuspectSnapshot[];
  markers: Marker[];
  config: { pool: PoolConfig; load: LoadConfig };
  scenarioId: string | null;
  /** The lesson step the presenter is on (`step` from 1), followed by every open dashboard; null outside a lesson. */
  lesson: LessonPosition | null;
  /** Arm B and the comparison's state while comparing (see compare.ts); null otherwise. A's fields above stay A's. */
  compare: CompareSnapshot | null;
  /** Events left out of the stream since the lab started (past 500 a tick); the counters still count them. */
  eventsDropped: number;
  /** Dashboards connected to the lab's own Socket.IO endpoint (relays' viewers are not counted here). */
  viewers: number;
  /** Viewers on relays (docs/SCALE-OUT.md), as the relays last reported through Redis; 0 without relays. */
  relayViewers: number;
}

// ---- a comparison's arm B, as the snapshot carries it (compare.ts re-exports these) ----

/** One knob whose value differs between the arms; `label` reads "B: maxOpen 4 (A: 50)". */
export interface KnobDiff {
  scope: 'pool' | 'load';
  knob: string;
  a: number | string | boolean;
  b: number | string | boolean;
  label: string;
}

/** One row of the comparison table. Numbers are null while an arm has no samples in the window. */
export interface SummaryRow {
  metric: string;
  unit: string;
  a: number | null;
  b: number | null;
  /** b − a, in `unit`. */
  delta: number | null;
  /** (b − a) / a × 100; null when a is 0. */
  deltaPct: number | null;
  /** Two-sided Mann–Whitney U p-value over the one-second samples (normal approximation, tie-corrected). */
  pValue: number | null;
  /** False ("~") when p ≥ 0.05 or either arm has fewer than COMPARE_MIN_SAMPLES samples. */
  significant: boolean;
  /** The arm with the better value, only when significant and the metric has a direction. */
  better: 'a' | 'b' | null;
}

/** Arm B in a snapshot: the same shapes as A's fields of the same names. */
export type ArmSnapshot = Pick<
  Snapshot,
  | 'pool'
  | 'totals'
  | 'rates'
  | 'latency'
  | 'waitHistogram'
  | 'targets'
  | 'connections'
  | 'connectionCounts'
  | 'recentlyClosed'
  | 'leakSuspects'
  | 'config'
>;

/** `snapshot.compare` while comparing (null otherwise). The summary is refreshed once a second, over the default window. */
export interface CompareSnapshot {
  b: ArmSnapshot;
  diff: KnobDiff[];
  seed: number;
  startedAt: number;
  sharedTargetIds: string[];
  windowS: number;
  summary: SummaryRow[];
}
