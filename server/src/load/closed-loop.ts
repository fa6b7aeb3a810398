import type { RequestOutcome } from '@poolscope/shared/vocabulary';
import { Borrow, type BorrowHost } from './borrow';
import { BusyCount } from './busy-count';
import { mulberry32, streamSeed } from './seeded-random';

/**
 * After a fast failure (a closed pool, no targets, a full wait queue reject at once) a worker
 * pauses at least this long, so a think time of 0 cannot spin the CPU on rejections.
 */
export const FAST_FAILURE_PAUSE_MS = 10;

/** One closed-loop worker: borrow, think, borrow again, until retired. */
class LoopWorker {
  readonly borrow: Borrow;
  readonly #host: BorrowHost;
  readonly #onGone: () => void;
  #thinkTimer: NodeJS.Timeout | null = null;
  #thinkImmediate: NodeJS.Immediate | null = null;
  #retired = false;
  /** Hold and leak draws: the host's random, or stream `index` of a shared schedule's seed. */
  random: () => number;

  constructor(host: BorrowHost, onGone: () => void) {
    this.#host = host;
    this.#onGone = onGone;
    this.borrow = new Borrow(host, this.#onBorrowEnded);
    this.random = host.random;
  }

  /** Worker `index` draws the same numbers in every generator driven by the same seed. */
  reseed(index: number): void {
    const seed = this.#host.seed;
    this.random = seed === null ? this.#host.random : mulberry32(streamSeed(seed, index));
  }

  /** Stop after the borrow under way, or now when thinking. */
  retire(): void {
    this.#retired = true;
    if (this.borrow.busy) return;
    if (this.#thinkTimer) clearTimeout(this.#thinkTimer);
    if (this.#thinkImmediate) clearImmediate(this.#thinkImmediate);
    this.#onGone();
  }

  readonly #onBorrowEnded = (_borrow: Borrow, outcome: RequestOutcome): void => {
    if (this.#retired) return this.#onGone();
    const thinkMs = this.#host.config.thinkMs;
    const pauseMs = outcome === 'rejected' ? Math.max(thinkMs, FAST_FAILURE_PAUSE_MS) : thinkMs;
    // Even a zero think goes through the event loop: a pool that fails in a microtask must not starve I/O.
    if (pauseMs > 0) this.#thinkTimer = setTimeout(this.next, pauseMs);
    else this.#thinkImmediate = setImmediate(this.next);
  };

  readonly next = (): void => {
    this.#thinkTimer = null;
    this.#thinkImmediate = null;
    this.borrow.start(this.random);
  };
}

/** `concurrency` workers, each with at most one request in flight; resized live. */
export class ClosedLoop {
  readonly #host: BorrowHost;
  readonly #workers: LoopWorker[] = [];
  readonly #retiring = new Set<LoopWorker>();
  /** Workers alive, running or finishing their last borrow after being retired. */
  readonly #alive = new BusyCount();

  constructor(host: BorrowHost) {
    this.#host = host;
  }

  get workers(): number {
    return this.#workers.length;
  }

  /** Grow by starting workers now; shrink by retiring the newest, each after its borrow under way. */
  resize(concurrency: number): void {
    while (this.#workers.length < concurrency) {
      const worker: LoopWorker = new LoopWorker(this.#host, () => this.#onGone(worker));
      worker.reseed(this.#workers.length);
      this.#workers.push(worker);
      this.#alive.up();
      worker.next();
    }
    while (this.#workers.length > concurrency) {
      const worker = this.#workers.pop() as LoopWorker;
      this.#retiring.add(worker);
      worker.retire();
    }
  }

  /** Every worker starts its stream again from the host's seed (a comparison starting). */
  reseed(): void {
    this.#workers.forEach((worker, index) => worker.reseed(index));
  }

  cutHolds(): void {
    for (const worker of this.#workers) worker.borrow.cutShort();
    for (const worker of this.#retiring) worker.borrow.cutShort();
  }

  whenIdle(): Promise<void> {
    return this.#alive.whenZero();
  }

  #onGone(worker: LoopWorker): void {
    this.#retiring.delete(worker);
    this.#alive.down();
  }
}
