import type { ConnectionRecord } from './connection-record';
import type { PooledConnection } from './pooled-connection';
import type { PoolError } from './errors';

/** What waits in the queue: an acquire (Waiter) or a pool.request() (RequestJob). */
export interface PendingAcquire {
  readonly enqueuedAtMs: number;
  readonly dialFailuresAtStart: number;
  resolve(record: ConnectionRecord): void;
  reject(error: PoolError): void;
}

/**
 * One pending acquire. Its deadline is derived from the live acquireTimeoutMs, not stored.
 * A waiting pool.request() (RequestJob) has the same shape and waits in the same queue.
 */
export class Waiter implements PendingAcquire {
  constructor(
    private readonly lent: (loan: PooledConnection) => void,
    readonly reject: (error: PoolError) => void,
    readonly enqueuedAtMs: number,
    /** The pool's dial-failure count when this acquire began waiting. */
    readonly dialFailuresAtStart: number,
  ) {}

  /** Served: the borrower gets the record's loan, never the record. */
  resolve(record: ConnectionRecord): void {
    this.lent(record.loan);
  }
}
