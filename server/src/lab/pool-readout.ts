import type { ConnectionState } from '@poolscope/shared/vocabulary';
import type { HistogramBucket, LatencySummary, LeakSuspectSnapshot, PoolGauges } from '@poolscope/shared/snapshot';
import type { PoolCounters } from '../pool/types';
import type { RequestOutcome } from '@poolscope/shared/vocabulary';

/** What the lab reads from the pool each tick (ConnectionPool satisfies it). */
export interface PoolReadout {
  stats(): PoolGauges & PoolCounterReadout;
  connections(): Iterable<{ id: number; targetId: string; state: ConnectionState; createdAt: number; lastUsedAt: number; uses: number }>;
  leakSuspects(): LeakSuspectSnapshot[];
  targetStats(): {
    targetId: string;
    state: 'up' | 'backoff';
    open: number;
    dialFailures: number;
    healthChecksFailed: number;
    requests: number;
    lastError: string | null;
  }[];
  takeLatencyWindow(): { latency: LatencySummary; waitHistogram: HistogramBucket[] };
}

/** The pool-side counters of the snapshot's totals (the load generator adds the request outcomes). */
export type PoolCounterReadout = PoolCounters;

/** What the lab reads from the load generator each tick (LoadGenerator satisfies it). */
export interface LoadReadout {
  stats(): { started: number; inFlight: number; outcomes: Record<RequestOutcome, number>; leakedLoans: number };
}
