import type { HealthCheckMethod } from '@poolscope/shared/pool-config';
import type { CloseReason, ConnectionState } from '@poolscope/shared/vocabulary';
import type { HistogramBucket, LatencySummary, LeakSuspectSnapshot, PoolGauges } from '@poolscope/shared/snapshot';
import type { RequestOutcome } from '@poolscope/shared/vocabulary';

/** What the lab reads from the pool each tick (ConnectionPool satisfies it). */
export interface PoolReadout {
  stats(): PoolGauges & PoolCounterReadout;
  connections(): Iterable<{ id: number; targetId: string; state: ConnectionState; createdAt: number; lastUsedAt: number; uses: number }>;
  leakSuspects(): LeakSuspectSnapshot[];
  targetStats(): { targetId: string; state: 'up' | 'backoff'; open: number; dialFailures: number; healthChecksFailed: number; requests: number; lastError: string | null }[];
  takeLatencyWindow(): { latency: LatencySummary; waitHistogram: HistogramBucket[] };
}

export interface PoolCounterReadout {
  acquires: number;
  acquiresWaited: number;
  acquireTimeouts: number;
  rejected: number;
  dials: number;
  dialFailures: number;
  dialFailuresByCode: Record<string, number>;
  healthChecksPassed: number;
  healthChecksFailed: number;
  healthChecksByMethod: Record<HealthCheckMethod, { passed: number; failed: number }>;
  staleBorrows: number;
  closed: Record<CloseReason, number>;
}

/** What the lab reads from the load generator each tick (LoadGenerator satisfies it). */
export interface LoadReadout {
  stats(): { started: number; inFlight: number; outcomes: Record<RequestOutcome, number>; leakedLoans: number };
}
