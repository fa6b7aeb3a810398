import type { ConnectionState } from '@poolscope/shared/vocabulary';
import type { Link, RequestObserver } from './link';
import type { TargetEntry } from './target-set';
import type { RequestOptions } from './types';

/** What a connection needs from its pool to run a request (kept narrow to avoid a cycle). */
export interface RequestRunner {
  runRequest(connection: PooledConnection, payload: Buffer, options: RequestOptions): Promise<Buffer>;
  requestSettled(connection: PooledConnection, error: Error | null): void;
}

/**
 * A connection as the pool tracks it and as a borrower holds it. Times are
 * `performance.now()` milliseconds; the pool converts them for display.
 */
export class PooledConnection implements RequestObserver {
  state: ConnectionState = 'connecting';
  link: Link | null = null;
  readonly createdAtMs: number;
  lastUsedAtMs: number;
  lastCheckedAtMs: number;
  borrowedAtMs = 0;
  uses = 0;
  /** Set while a reused connection's first request of a loan is still to come (stale-borrow accounting). */
  firstRequestPending = false;
  /** The request in flight (one at a time): was it the loan's first, and when did it start. */
  requestFirstOfLoan = false;
  requestStartedAtMs = 0;
  leakSuspect = false;
  /** Lent for one pool.request(): back to the pool as soon as that request settles. */
  releaseOnSettle = false;
  /** True while the connection sits in the pool's idle deque. */
  inIdle = false;
  /** A uniform draw in [0, 1) kept for life: the connection's share of maxLifetimeJitterPct, read at each check so the knob acts live. */
  readonly lifetimeDraw: number;

  constructor(
    readonly id: number,
    readonly entry: TargetEntry,
    nowMs: number,
    random: () => number,
    readonly runner: RequestRunner,
  ) {
    this.createdAtMs = nowMs;
    this.lastUsedAtMs = nowMs;
    this.lastCheckedAtMs = nowMs;
    this.lifetimeDraw = random();
  }

  get targetId(): string {
    return this.entry.target.id;
  }

  /** One echo round trip. Failures reject with a WireError and the pool closes the connection. */
  request(payload: Buffer, options: RequestOptions): Promise<Buffer> {
    return this.runner.runRequest(this, payload, options);
  }

  /** The link tells how the request ended; the pool does the bookkeeping. */
  requestSettled(error: Error | null): void {
    this.runner.requestSettled(this, error);
  }

  expired(nowMs: number, maxLifetimeMs: number, jitterPct: number): boolean {
    return maxLifetimeMs > 0 && nowMs - this.createdAtMs >= maxLifetimeMs * (1 - (jitterPct / 100) * this.lifetimeDraw);
  }
}
