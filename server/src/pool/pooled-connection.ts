import type { CloseReason, ConnectionState } from '@poolscope/shared/vocabulary';
import type { Link } from './link';
import type { RequestOptions } from './types';

/** What a loan reads through to (ConnectionRecord is one); declared here so this file imports no record. */
export interface LoanSource {
  readonly id: number;
  readonly targetId: string;
  readonly state: ConnectionState;
  readonly uses: number;
  readonly createdAtMs: number;
  readonly borrowedAtMs: number;
  readonly link: Link | null;
  request(payload: Buffer, options: RequestOptions): Promise<Buffer>;
  release(): void;
  destroy(reason: CloseReason): void;
}

/**
 * What a borrower holds: the connection's facts, read-only, and what a borrower may do with it
 * (request, release, destroy). The pool's record stays behind it, so no borrower can write the
 * pool's state: every fact is a getter with no setter (a write throws in strict code).
 * `link` is there for probes and tests that watch the socket (goneReason, probe()).
 */
export class PooledConnection {
  readonly #source: LoanSource;

  constructor(source: LoanSource) {
    this.#source = source;
  }

  get id(): number {
    return this.#source.id;
  }

  get targetId(): string {
    return this.#source.targetId;
  }

  /** 'active' while on loan; anything else once released, destroyed or reclaimed. */
  get state(): ConnectionState {
    return this.#source.state;
  }

  get uses(): number {
    return this.#source.uses;
  }

  get createdAtMs(): number {
    return this.#source.createdAtMs;
  }

  get borrowedAtMs(): number {
    return this.#source.borrowedAtMs;
  }

  get link(): Link | null {
    return this.#source.link;
  }

  /** One echo round trip. Failures reject with a WireError and the pool closes the connection. */
  request(payload: Buffer, options: RequestOptions): Promise<Buffer> {
    return this.#source.request(payload, options);
  }

  /** The same as pool.release(this). */
  release(): void {
    this.#source.release();
  }

  /** The same as pool.destroy(this, reason). */
  destroy(reason: CloseReason): void {
    this.#source.destroy(reason);
  }

  /** What a loan reads through to, for its pool (undefined for anything but a loan). */
  static sourceOf(value: unknown): LoanSource | undefined {
    return typeof value === 'object' && value !== null && #source in value ? value.#source : undefined;
  }
}
