import type { LoadConfig } from '@poolscope/shared/load-config';
import type { RequestOutcome } from '@poolscope/shared/vocabulary';
import type { LoadConnection, LoadPool } from './load-pool';
import type { LoadTally } from './load-tally';
import { acquireOutcome, closeReasonFor, requestOutcome } from './outcome';
import { chance, holdDurationMs } from './timing';

/** What every borrower shares with the generator; fields are replaced on reconfigure, read per request. */
export interface BorrowHost {
  readonly pool: LoadPool;
  readonly tally: LoadTally;
  readonly random: () => number;
  /** Seed of a shared schedule (a comparison), or null: closed-loop workers then draw from `random`. */
  readonly seed: number | null;
  readonly config: Readonly<LoadConfig>;
  readonly payload: Buffer;
  readonly requestOptions: Readonly<Pick<LoadConfig, 'framing'> & { timeoutMs: number }>;
  /** True while stopping: holds end at once instead of running their course. */
  readonly hurrying: boolean;
  keepLeaked(connection: LoadConnection): void;
}

/**
 * One borrower's cycle: acquire, request, hold, then release (or leak, by leakRate). A failed
 * request destroys its connection with a close reason instead of releasing it. The request's
 * outcome is counted the moment it is known; the hold after it is not part of the request.
 * Objects are reused (a closed-loop worker runs its borrow again and again, the open loop keeps
 * a free list) and the handlers are bound once, so a cycle allocates only what the pool's
 * promises and the hold timer need.
 */
export class Borrow {
  readonly #host: BorrowHost;
  readonly #onEnded: (borrow: Borrow, outcome: RequestOutcome) => void;
  #connection: LoadConnection | null = null;
  #holdTimer: NodeJS.Timeout | null = null;
  /** This borrow's draws (hold jitter, leak): the host's random, or a seeded stream of a shared schedule. */
  #random: () => number;
  busy = false;

  constructor(host: BorrowHost, onEnded: (borrow: Borrow, outcome: RequestOutcome) => void) {
    this.#host = host;
    this.#onEnded = onEnded;
    this.#random = host.random;
  }

  start(random: () => number = this.#host.random): void {
    this.busy = true;
    this.#random = random;
    this.#host.tally.begin();
    let acquiring: Promise<LoadConnection>;
    try {
      acquiring = this.#host.pool.acquire();
    } catch (error) {
      acquiring = Promise.reject(error); // a pool that throws instead of rejecting still ends the request once
    }
    acquiring.then(this.#onAcquired, this.#onAcquireFailed);
  }

  /** End a hold now (stopping); no-op unless holding. */
  cutShort(): void {
    if (this.#holdTimer === null) return;
    clearTimeout(this.#holdTimer);
    this.#endHold();
  }

  readonly #onAcquired = (connection: LoadConnection): void => {
    this.#connection = connection;
    let requesting: Promise<Buffer>;
    try {
      requesting = connection.request(this.#host.payload, this.#host.requestOptions);
    } catch (error) {
      requesting = Promise.reject(error);
    }
    requesting.then(this.#onReply, this.#onRequestFailed);
  };

  readonly #onAcquireFailed = (error: unknown): void => {
    this.#finish(acquireOutcome(error));
  };

  readonly #onReply = (): void => {
    this.#host.tally.end('ok');
    const holdMs = this.#host.hurrying ? 0 : holdDurationMs(this.#host.config, this.#random);
    if (holdMs > 0) this.#holdTimer = setTimeout(this.#endHold, holdMs);
    else this.#endHold();
  };

  readonly #onRequestFailed = (error: unknown): void => {
    const connection = this.#connection as LoadConnection;
    this.#connection = null;
    this.#host.pool.destroy(connection, closeReasonFor(error));
    this.#finish(requestOutcome(error));
  };

  readonly #endHold = (): void => {
    this.#holdTimer = null;
    const connection = this.#connection as LoadConnection;
    this.#connection = null;
    if (chance(this.#host.config.leakRate, this.#random)) this.#host.keepLeaked(connection);
    else this.#host.pool.release(connection);
    this.busy = false;
    this.#onEnded(this, 'ok');
  };

  #finish(outcome: RequestOutcome): void {
    this.#host.tally.end(outcome);
    this.busy = false;
    this.#onEnded(this, outcome);
  }
}
