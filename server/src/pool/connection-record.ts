import type { CloseReason, ConnectionState } from '@poolscope/shared/vocabulary';
import type { Link, RequestObserver } from './link';
import { PooledConnection, type LoanSource } from './pooled-connection';
import type { TargetEntry } from './target-set';
import type { RequestOptions } from './types';

/** What a record needs of its pool (PoolEngine is one): requests and the borrower's release or destroy. */
export interface RecordOwner {
  runRequest(record: ConnectionRecord, payload: Buffer, options: RequestOptions): Promise<Buffer>;
  requestSettled(record: ConnectionRecord, error: Error | null): void;
  releaseRecord(record: ConnectionRecord): void;
  destroyRecord(record: ConnectionRecord, reason: CloseReason): void;
}

/**
 * A connection as the pool tracks it. Borrowers never see it: they hold its `loan`, which reads
 * through to it. `state` is read-only here: only ConnectionStates moves it, together with the
 * counts, so the counts are the gauges. Times are `performance.now()` milliseconds.
 */
export class ConnectionRecord implements RequestObserver, LoanSource {
  readonly state: ConnectionState = 'connecting';
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
  /** Held past leakDetectionThresholdMs; read-only here, ConnectionStates flags and clears it with its count. */
  readonly leakSuspect: boolean = false;
  /** Lent for one pool.request(): back to the pool as soon as that request settles. */
  releaseOnSettle = false;
  /** True while the connection sits in the pool's idle deque. */
  inIdle = false;
  /** A uniform draw in [0, 1) kept for life: the connection's share of maxLifetimeJitterPct, read at each check so the knob acts live. */
  readonly lifetimeDraw: number;
  /** What its borrowers hold: one per connection, so a loan costs no allocation. */
  readonly loan: PooledConnection;

  constructor(
    readonly id: number,
    readonly entry: TargetEntry,
    nowMs: number,
    random: () => number,
    readonly owner: RecordOwner,
  ) {
    this.createdAtMs = nowMs;
    this.lastUsedAtMs = nowMs;
    this.lastCheckedAtMs = nowMs;
    this.lifetimeDraw = random();
    this.loan = new PooledConnection(this);
  }

  get targetId(): string {
    return this.entry.target.id;
  }

  /** One echo round trip. Failures reject with a WireError and the pool closes the connection. */
  request(payload: Buffer, options: RequestOptions): Promise<Buffer> {
    return this.owner.runRequest(this, payload, options);
  }

  /** The link tells how the request ended; the pool does the bookkeeping. */
  requestSettled(error: Error | null): void {
    this.owner.requestSettled(this, error);
  }

  release(): void {
    this.owner.releaseRecord(this);
  }

  destroy(reason: CloseReason): void {
    this.owner.destroyRecord(this, reason);
  }

  expired(nowMs: number, maxLifetimeMs: number, jitterPct: number): boolean {
    return maxLifetimeMs > 0 && nowMs - this.createdAtMs >= maxLifetimeMs * (1 - (jitterPct / 100) * this.lifetimeDraw);
  }
}

/** The record behind a loan, or undefined for anything that is not a loan of some pool's record. */
export function recordOf(loan: unknown): ConnectionRecord | undefined {
  const source = PooledConnection.sourceOf(loan);
  return source instanceof ConnectionRecord ? source : undefined;
}
