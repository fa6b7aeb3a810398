import { mulberry32, streamSeed } from './seeded-random';
import { poissonGapMs } from './timing';

/**
 * One arrival: the instant it was due (performance.now() ms) and, for a seeded clock, the seed
 * of that arrival's own draws (hold jitter, leak), or -1 to draw from the generator's random.
 * Two numbers rather than an object, so an arrival allocates nothing.
 */
export type ArrivalListener = (intendedMs: number, drawSeed: number) => void;

/** A backlog older than this means the process itself was paused; it is dropped, not fired in a burst. */
const MAX_CATCH_UP_MS = 1000;

/**
 * Poisson arrivals at ratePerSec, told to every subscriber in the same synchronous step: one
 * clock feeding two arms' open loops gives both the same instants. Timers cannot fire every
 * 50 µs, so each tick delivers every arrival that fell due since the last one. It runs only
 * while it has a rate and at least one subscriber.
 */
export class ArrivalClock {
  readonly #random: () => number;
  readonly #seed: number;
  /** An array, not a Set: iterating it per arrival allocates no iterator. */
  #listeners: ArrivalListener[] = [];
  #ratePerSec = 0;
  #nextArrivalMs = 0;
  #index = 0;
  #timer: NodeJS.Timeout | null = null;

  /** `seed` makes the gaps and each arrival's draws reproducible; without one, gaps come from `random`. */
  constructor(options: { seed: number } | { random: () => number }) {
    this.#seed = 'seed' in options ? options.seed >>> 0 : -1;
    this.#random = 'seed' in options ? mulberry32(options.seed) : options.random;
  }

  get ratePerSec(): number {
    return this.#ratePerSec;
  }

  /** A new rate takes effect from now. */
  setRate(ratePerSec: number): void {
    if (ratePerSec === this.#ratePerSec) return;
    this.#ratePerSec = ratePerSec;
    this.#halt();
    this.#run();
  }

  subscribe(listener: ArrivalListener): () => void {
    this.#listeners = [...this.#listeners, listener];
    this.#run();
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
      if (this.#listeners.length === 0) this.#halt();
    };
  }

  #run(): void {
    if (this.#timer !== null || this.#ratePerSec === 0 || this.#listeners.length === 0) return;
    const nowMs = performance.now();
    this.#nextArrivalMs = nowMs + poissonGapMs(this.#ratePerSec, this.#random);
    this.#schedule(nowMs);
  }

  #halt(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  readonly #tick = (): void => {
    this.#timer = null;
    const nowMs = performance.now();
    if (nowMs - this.#nextArrivalMs > MAX_CATCH_UP_MS) this.#nextArrivalMs = nowMs;
    while (this.#nextArrivalMs <= nowMs && this.#ratePerSec > 0 && this.#listeners.length > 0) {
      const drawSeed = this.#seed < 0 ? -1 : streamSeed(this.#seed, this.#index);
      this.#index += 1;
      // A listener that unsubscribes replaces the array, so this loop finishes over the one it started with.
      const listeners = this.#listeners;
      for (let i = 0; i < listeners.length; i++) (listeners[i] as ArrivalListener)(this.#nextArrivalMs, drawSeed);
      this.#nextArrivalMs += poissonGapMs(this.#ratePerSec, this.#random);
    }
    if (this.#ratePerSec > 0 && this.#listeners.length > 0 && this.#timer === null) this.#schedule(nowMs);
  };

  #schedule(nowMs: number): void {
    this.#timer = setTimeout(this.#tick, Math.max(0, this.#nextArrivalMs - nowMs));
  }
}
