import type { ReplySink } from './link';
import type { ConnectionRecord } from './connection-record';
import type { RequestOptions } from './types';

/** What a job needs of the pool (PoolEngine is one): a job never imports its owner. */
export interface JobHost {
  sendReleasingTo(connection: ConnectionRecord, payload: Buffer, options: RequestOptions, sink: ReplySink): void;
}

/**
 * A `pool.request()` waiting for a connection. It waits in the same FIFO as acquires, under
 * the same acquireTimeoutMs, and the pool serves it as it serves an acquire (`resolve` with a
 * connection, `reject` with a PoolError). Given a connection it sends at once; the connection
 * goes back to the pool as soon as the reply or the failure is in, before the caller hears
 * (see ConnectionRecord.releaseOnSettle). So the next queued request is written inside the
 * same socket read callback, with no borrower code and no promise hop in between. The job
 * hears the reply itself (a ReplySink) and settles the caller's promise: no second promise.
 */
export class RequestJob implements ReplySink {
  constructor(
    private readonly engine: JobHost,
    private readonly payload: Buffer,
    private readonly options: RequestOptions,
    readonly replied: (reply: Buffer) => void,
    readonly reject: (error: Error) => void,
    readonly enqueuedAtMs: number,
    readonly dialFailuresAtStart: number,
  ) {}

  resolve(connection: ConnectionRecord): void {
    this.engine.sendReleasingTo(connection, this.payload, this.options, this);
  }

  failed(error: Error): void {
    this.reject(error);
  }
}
