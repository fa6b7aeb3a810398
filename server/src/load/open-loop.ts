import { Borrow, type BorrowHost } from './borrow';
import { BusyCount } from './busy-count';
import { poissonGapMs } from './timing';

/**
 * Default bound on open-loop borrows under way (acquiring, requesting or holding). Arrivals
 * beyond it are shed and counted as rejected, so a dead pool cannot grow memory without bound;
 * at the top rate (20,000/s) it still covers half a second of unanswered arrivals.
 */
export const OPEN_LOOP_MAX_IN_FLIGHT = 10_000;
/** A backlog older than this means the process itself was paused; it is dropped, not fired in a burst. */
const MAX_CATCH_UP_MS = 1000;

/**
 * Poisson arrivals at ratePerSec, each one borrow. Timers cannot fire every 50 µs, so each tick
 * starts every arrival that fell due since the last one. Borrows come from a free list that
 * grows up to the bound, so steady load allocates no borrowers.
 */
export class OpenLoop {
  readonly #host: BorrowHost;
  readonly #maxInFlight: number;
  readonly #free: Borrow[] = [];
  readonly #all: Borrow[] = [];
  readonly #busy = new BusyCount();
  #ratePerSec = 0;
  #nextArrivalMs = 0;
  #timer: NodeJS.Timeout | null = null;

  constructor(host: BorrowHost, maxInFlight: number) {
    this.#host = host;
    this.#maxInFlight = maxInFlight;
  }

  /** 0 stops arrivals; borrows under way finish. A new rate takes effect from now. */
  setRate(ratePerSec: number): void {
    if (ratePerSec === this.#ratePerSec) return;
    this.#ratePerSec = ratePerSec;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (ratePerSec === 0) return;
    this.#nextArrivalMs = performance.now() + poissonGapMs(ratePerSec, this.#host.random);
    this.#schedule(performance.now());
  }

  cutHolds(): void {
    for (const borrow of this.#all) borrow.cutShort();
  }

  whenIdle(): Promise<void> {
    return this.#busy.whenZero();
  }

  readonly #tick = (): void => {
    this.#timer = null;
    const nowMs = performance.now();
    if (nowMs - this.#nextArrivalMs > MAX_CATCH_UP_MS) this.#nextArrivalMs = nowMs;
    while (this.#nextArrivalMs <= nowMs && this.#ratePerSec > 0) {
      this.#arrive();
      this.#nextArrivalMs += poissonGapMs(this.#ratePerSec, this.#host.random);
    }
    if (this.#ratePerSec > 0 && this.#timer === null) this.#schedule(nowMs);
  };

  #schedule(nowMs: number): void {
    this.#timer = setTimeout(this.#tick, Math.max(0, this.#nextArrivalMs - nowMs));
  }

  #arrive(): void {
    const borrow = this.#free.pop() ?? this.#newBorrow();
    if (borrow === null) return this.#host.tally.shedOne();
    this.#busy.up();
    borrow.start();
  }

  #newBorrow(): Borrow | null {
    if (this.#all.length >= this.#maxInFlight) return null;
    const borrow = new Borrow(this.#host, this.#onEnded);
    this.#all.push(borrow);
    return borrow;
  }

  readonly #onEnded = (borrow: Borrow): void => {
    this.#free.push(borrow);
    this.#busy.down();
  };
}
