import type { PooledConnection } from './pooled-connection';
import type { PoolError } from './errors';

/**
 * One pending acquire. Its deadline is derived from the live acquireTimeoutMs, not stored.
 * A waiting pool.request() (RequestJob) has the same shape and waits in the same queue.
 */
export class Waiter {
  constructor(
    readonly resolve: (connection: PooledConnection) => void,
    readonly reject: (error: PoolError) => void,
    readonly enqueuedAtMs: number,
    /** The pool's dial-failure count when this acquire began waiting. */
    readonly dialFailuresAtStart: number,
  ) {}
}
