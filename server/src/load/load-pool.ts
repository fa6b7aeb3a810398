import type { Framing } from '@poolscope/shared/load-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';

/** What the load generator needs of a borrowed connection (PooledConnection satisfies it). */
export interface LoadConnection {
  request(payload: Buffer, options: { timeoutMs: number; framing: Framing }): Promise<Buffer>;
}

/**
 * What the load generator needs of a pool (ConnectionPool satisfies it). Method syntax on
 * purpose: a pool typed for its own connection class still fits.
 */
export interface LoadPool {
  acquire(): Promise<LoadConnection>;
  release(connection: LoadConnection): void;
  destroy(connection: LoadConnection, reason: CloseReason): void;
}
