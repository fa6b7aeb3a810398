import { ArrivalClock, type ArrivalListener } from './arrival-clock';
import { Borrow, type BorrowHost } from './borrow';
import { BusyCount } from './busy-count';
import { mulberry32 } from './seeded-random';

/**
 * Default bound on open-loop borrows under way (acquiring, requesting or holding). Arrivals
 * beyond it are shed and counted as rejected, so a dead pool cannot grow memory without bound;
 * at the top rate (20,000/s) it still covers half a second of unanswered arrivals.
 */
export const OPEN_LOOP_MAX_IN_FLIGHT = 10_000;

/**
 * Each arrival of an ArrivalClock starts one borrow. The clock is the loop's own unless a
 * shared schedule lends one (a comparison: both arms hear the same instants). Borrows come
 * from a free list that grows up to the bound, so steady load allocates no borrowers.
 */
export class OpenLoop {
  readonly #host: BorrowHost;
  readonly #maxInFlight: number;
  readonly #ownClock: ArrivalClock;
  readonly #free: Borrow[] = [];
  readonly #all: Borrow[] = [];
  readonly #busy = new BusyCount();
  #clock: ArrivalClock;
  #ratePerSec = 0;
  #unsubscribe: (() => void) | null = null;
  #tap: ArrivalListener | null = null;

  constructor(host: BorrowHost, maxInFlight: number) {
    this.#host = host;
    this.#maxInFlight = maxInFlight;
    this.#ownClock = new ArrivalClock({ random: host.random });
    this.#clock = this.#ownClock;
  }

  /** 0 stops arrivals; borrows under way finish. A new rate takes effect from now. */
  setRate(ratePerSec: number): void {
    if (ratePerSec === this.#ratePerSec) return;
    this.#ratePerSec = ratePerSec;
    this.#listen();
  }

  /** Take arrivals from `clock` (null: the loop's own) from now on. */
  useClock(clock: ArrivalClock | null): void {
    const next = clock ?? this.#ownClock;
    if (next === this.#clock) return;
    this.#clock = next;
    this.#listen();
  }

  /** Test seam: hear every arrival this loop receives, at the instant it was due. */
  tap(listener: ArrivalListener | null): void {
    this.#tap = listener;
  }

  cutHolds(): void {
    for (const borrow of this.#all) borrow.cutShort();
  }

  whenIdle(): Promise<void> {
    return this.#busy.whenZero();
  }

  #listen(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    if (this.#ratePerSec === 0) return;
    this.#clock.setRate(this.#ratePerSec);
    this.#unsubscribe = this.#clock.subscribe(this.#arrive);
  }

  readonly #arrive = (intendedMs: number, drawSeed: number): void => {
    this.#tap?.(intendedMs, drawSeed);
    const borrow = this.#free.pop() ?? this.#newBorrow();
    if (borrow === null) return this.#host.tally.shedOne();
    this.#busy.up();
    borrow.start(drawSeed < 0 ? this.#host.random : mulberry32(drawSeed));
  };

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
