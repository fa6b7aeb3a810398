import { DEFAULT_LOAD_CONFIG, patchLoadConfig } from '@poolscope/shared/config-rules';
import type { LoadConfig, LoadConfigPatch } from '@poolscope/shared/load-config';
import type { PatchResult } from '@poolscope/shared/validation';
import { ClosedLoop } from './closed-loop';
import { LoadConfigError } from './load-config-error';
import { LoadHost } from './load-host';
import type { LoadPool } from './load-pool';
import type { LoadSchedule } from './load-schedule';
import type { ArrivalListener } from './arrival-clock';
import type { LoadStats } from './load-tally';
import { OPEN_LOOP_MAX_IN_FLIGHT, OpenLoop } from './open-loop';

export type { LoadConnection, LoadPool } from './load-pool';
export type { LoadStats } from './load-tally';
export { LoadConfigError } from './load-config-error';

export interface LoadGeneratorOptions {
  pool: LoadPool;
  config?: LoadConfigPatch;
  /** Source of randomness for hold jitter, arrivals and leaks; tests may script it. */
  random?: () => number;
  /** Open-loop bound on borrows under way; arrivals beyond it are shed as rejected. */
  openLoopMaxInFlight?: number;
}

/**
 * Drives a pool like an application would. Closed loop: `concurrency` workers, each acquire,
 * request, hold, release, think. Open loop: Poisson arrivals, each one request. Every knob is
 * live. Every request ends in exactly one outcome, so started = sum(outcomes) + inFlight.
 */
export class LoadGenerator {
  readonly #host: LoadHost;
  readonly #closedLoop: ClosedLoop;
  readonly #openLoop: OpenLoop;

  constructor(options: LoadGeneratorOptions) {
    const result = patchLoadConfig({ ...DEFAULT_LOAD_CONFIG }, options.config ?? {});
    if (!result.ok) throw new LoadConfigError(result.details);
    this.#host = new LoadHost(options.pool, options.random ?? Math.random, Object.freeze(result.value));
    this.#closedLoop = new ClosedLoop(this.#host);
    this.#openLoop = new OpenLoop(this.#host, options.openLoopMaxInFlight ?? OPEN_LOOP_MAX_IN_FLIGHT);
    this.#apply();
  }

  get config(): Readonly<LoadConfig> {
    return this.#host.config;
  }

  /** Validated whole over the current config: all or nothing, applied at once. */
  reconfigure(patch: unknown): PatchResult<LoadConfig> {
    const result = patchLoadConfig(this.#host.config, patch);
    if (!result.ok) return result;
    this.#host.setConfig(Object.freeze({ ...result.value }));
    this.#apply();
    return result;
  }

  /**
   * Drive this generator from a shared schedule from now on: closed-loop worker i restarts
   * stream i of the seed, open-loop arrivals come from the schedule's clock. Null: back to the
   * generator's own random and clock.
   */
  useSchedule(schedule: LoadSchedule | null): void {
    this.#host.seed = schedule?.seed ?? null;
    this.#closedLoop.reseed();
    this.#openLoop.useClock(schedule?.arrivals ?? null);
  }

  /** Test seam: hear each open-loop arrival at the instant it was due. */
  tapArrivals(listener: ArrivalListener | null): void {
    this.#openLoop.tap(listener);
  }

  stats(): LoadStats {
    return this.#host.tally.snapshot();
  }

  /**
   * Stop starting requests (running becomes false), end holds at once so loans come back,
   * and resolve when every borrow under way has ended: nothing is in flight afterwards.
   */
  async stop(): Promise<void> {
    this.#host.setConfig(Object.freeze({ ...this.#host.config, running: false }));
    this.#apply();
    this.#host.hurrying = true;
    this.#closedLoop.cutHolds();
    this.#openLoop.cutHolds();
    await Promise.all([this.#closedLoop.whenIdle(), this.#openLoop.whenIdle()]);
    this.#host.hurrying = false;
  }

  #apply(): void {
    const { running, mode, concurrency, ratePerSec } = this.#host.config;
    this.#closedLoop.resize(running && mode === 'closed' ? concurrency : 0);
    this.#openLoop.setRate(running && mode === 'open' ? ratePerSec : 0);
  }
}
