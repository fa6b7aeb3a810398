import type { LabEvent } from '@poolscope/shared/events';
import type { Framing } from '@poolscope/shared/load-config';
import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import type { PoolGauges, Totals } from '@poolscope/shared/snapshot';
import type { ConnectionState } from '@poolscope/shared/vocabulary';
import type { Connector, PoolTarget } from './link';

export type { PoolTarget };

export interface PoolOptions {
  config?: PoolConfigPatch;
  targets?: PoolTarget[];
  /** false turns histograms and events off (counters and gauges stay): for benchmarks. */
  instrumented?: boolean;
  /** Internal seam: how connections are made. Defaults to TCP sockets; benchmarks plug in trivial ones. */
  connector?: Connector;
  /** takeLatencyWindow() summarizes the samples of this many takes (1 = since the previous take). */
  latencyWindowTakes?: number;
  /** Internal seam for jitter (backoff, lifetime); defaults to Math.random. */
  random?: () => number;
  /**
   * Sockets the pool may hold at once, closing ones included (each holds a file descriptor until
   * it has closed): a dial past it fails with POOL_SOCKET_BUDGET. 0 (the default) = no budget.
   * The lab derives it from the process's fd limit, so no config can starve its HTTP listener.
   */
  socketBudget?: number;
}

export interface RequestOptions {
  timeoutMs: number;
  framing: Framing;
}

/** Times are wall-clock epoch milliseconds, as the snapshot builder expects. */
export interface ConnectionInfo {
  id: number;
  targetId: string;
  state: ConnectionState;
  createdAt: number;
  lastUsedAt: number;
  uses: number;
}

export interface PoolTargetStats {
  targetId: string;
  state: 'up' | 'backoff';
  open: number;
  dialFailures: number;
  healthChecksFailed: number;
  requests: number;
  lastError: string | null;
}

export type PoolCounters = Pick<
  Totals,
  | 'acquires'
  | 'acquiresWaited'
  | 'acquireTimeouts'
  | 'rejected'
  | 'dials'
  | 'dialFailures'
  | 'dialFailuresByCode'
  | 'healthChecksPassed'
  | 'healthChecksFailed'
  | 'healthChecksByMethod'
  | 'staleBorrows'
  | 'closed'
>;

export type PoolStats = PoolGauges & PoolCounters;

export type PoolEventType =
  | 'connection-opened'
  | 'connection-closed'
  | 'dial-failed'
  | 'health-check-failed'
  | 'stale-borrow'
  | 'acquire-timed-out'
  | 'leak-suspected'
  | 'leak-released'
  | 'reconfigured';

/** The pool-side members of the shared LabEvent union. */
export type PoolEvent = Extract<LabEvent, { type: PoolEventType }>;
