import { patchPoolConfig } from '@poolscope/shared/config-rules';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { HistogramBucket, LatencySummary, LeakSuspectSnapshot } from '@poolscope/shared/snapshot';
import type { PatchResult } from '@poolscope/shared/validation';
import { ERROR_CODES, type CloseReason } from '@poolscope/shared/vocabulary';
import { changedFields } from './config-diff';
import { copyCounters } from './counters';
import { PoolError } from './errors';
import type { PoolEventListener } from './event-bus';
import { housekeepingIntervalMs } from './housekeeping';
import { PoolEngine } from './pool-engine';
import type { PooledConnection } from './pooled-connection';
import type { WaitTotals } from './latency-window';
import type { ConnectionInfo, PoolOptions, PoolStats, PoolTarget, PoolTargetStats, RequestOptions } from './types';
import { housekeep, reclaimLeaks } from './upkeep';

// Read once: the getter validates on every call, which showed in profiles of 5,000-connection snapshots.
const TIME_ORIGIN_MS = performance.timeOrigin;
const toEpochMs = (perfMs: number) => Math.round(TIME_ORIGIN_MS + perfMs);

/**
 * A TCP connection pool with every knob live (see PoolConfig) and instrumentation built in.
 * It owns a PoolEngine (the state machine: connections, waiters, dials, checks) and adds what
 * an operator does with it: validated reconfigure, the housekeeping timer, read-outs, close.
 * Borrowers get read-only loans (PooledConnection), never the engine's records.
 */
export class ConnectionPool {
  readonly #engine: PoolEngine;
  private housekeepingTimer: NodeJS.Timeout | null = null;
  private housekeepingEveryMs = 0;
  private closePromise: Promise<void> | null = null;

  constructor(options: PoolOptions = {}) {
    this.#engine = new PoolEngine(options);
    this.scheduleHousekeeping();
    this.#engine.refill();
  }

  get config(): Readonly<PoolConfig> {
    return this.#engine.config;
  }

  /** Connections not closing: what maxOpen bounds. */
  get openCount(): number {
    return this.#engine.states.open;
  }

  acquire(): Promise<PooledConnection> {
    return this.#engine.acquire();
  }

  /** One round trip on whichever connection is free (see PoolEngine.request). */
  request(payload: Buffer, options: RequestOptions): Promise<Buffer> {
    return this.#engine.request(payload, options);
  }

  /** Anything but an active loan of this pool (reclaimed, destroyed, released twice) is a harmless no-op. */
  release(connection: PooledConnection): void {
    this.#engine.release(connection);
  }

  destroy(connection: PooledConnection, reason: CloseReason): void {
    this.#engine.destroy(connection, reason);
  }

  on(_event: 'event', listener: PoolEventListener): this {
    this.#engine.events.on(listener);
    return this;
  }

  off(_event: 'event', listener: PoolEventListener): this {
    this.#engine.events.off(listener);
    return this;
  }

  /** Validated whole over the current config: all or nothing. Throws POOL_CLOSED once closed: nothing would apply. */
  reconfigure(patch: unknown): PatchResult<PoolConfig> {
    const engine = this.#engine;
    if (engine.isClosed) throw new PoolError(ERROR_CODES.poolClosed, 'the pool is closed: a reconfigure would change nothing');
    const result = patchPoolConfig(engine.config, patch);
    if (!result.ok) return result;
    const changed = changedFields(engine.config, result.value);
    if (Object.keys(changed).length === 0) return result;
    engine.configure(Object.freeze(result.value));
    this.scheduleHousekeeping();
    if (engine.events.listening) engine.events.emit({ t: Date.now(), type: 'reconfigured', scope: 'pool', changed });
    return result;
  }

  addTarget(target: PoolTarget): void {
    this.#engine.addTarget(target);
  }

  /** Idle connections to it close now ('shrink'); borrowed ones close when released. */
  removeTarget(targetId: string): boolean {
    return this.#engine.removeTarget(targetId);
  }

  /** Destroys every leak suspect's connection ('leak-reclaimed'); their borrowers' later release is a no-op. */
  reclaimLeaks(): number {
    return reclaimLeaks(this.#engine);
  }

  stats(): PoolStats {
    const engine = this.#engine;
    const { states, config } = engine;
    const head = engine.waiters.peekFront();
    return {
      open: states.open,
      idle: states.idle,
      active: states.active,
      connecting: states.connecting,
      validating: states.validating,
      closing: states.closing,
      waiting: engine.waiters.length,
      maxOpen: config.maxOpen,
      minIdle: config.minIdle,
      maxIdle: config.maxIdle,
      socketBudget: engine.socketBudget,
      oldestWaitMs: head === undefined ? 0 : Math.round(performance.now() - head.enqueuedAtMs),
      leakSuspects: states.leakSuspects,
      ...copyCounters(engine.counters),
    };
  }

  connections(): ConnectionInfo[] {
    const list: ConnectionInfo[] = [];
    for (const c of this.#engine.states.records()) {
      list.push({
        id: c.id,
        targetId: c.targetId,
        state: c.state,
        createdAt: toEpochMs(c.createdAtMs),
        lastUsedAt: toEpochMs(c.lastUsedAtMs),
        uses: c.uses,
      });
    }
    return list;
  }

  leakSuspects(): LeakSuspectSnapshot[] {
    const states = this.#engine.states;
    if (states.leakSuspects === 0) return [];
    const nowMs = performance.now();
    return [...states.records()]
      .filter((c) => c.leakSuspect)
      .map((c) => ({
        connectionId: c.id,
        targetId: c.targetId,
        heldMs: Math.round(nowMs - c.borrowedAtMs),
        borrowedAt: toEpochMs(c.borrowedAtMs),
      }));
  }

  targetStats(): PoolTargetStats[] {
    return this.#engine.targets.stats(performance.now());
  }

  /** Latency percentiles and the acquire-wait histogram for the samples since the previous call. */
  takeLatencyWindow(): { latency: LatencySummary; waitHistogram: HistogramBucket[] } {
    return this.#engine.window.take();
  }

  /** Every acquire wait since start, by bucket, for the /metrics histogram. */
  acquireWaitTotals(): WaitTotals {
    return this.#engine.window.waitTotals();
  }

  /** Stops housekeeping, then the engine's shutdown (see PoolEngine.shutDown); the same promise every call. */
  close(): Promise<void> {
    if (this.closePromise === null) {
      if (this.housekeepingTimer !== null) clearInterval(this.housekeepingTimer);
      this.closePromise = this.#engine.shutDown();
    }
    return this.closePromise;
  }

  private scheduleHousekeeping(): void {
    const everyMs = housekeepingIntervalMs(this.#engine.config);
    if (everyMs === this.housekeepingEveryMs && this.housekeepingTimer !== null) return;
    if (this.housekeepingTimer !== null) clearInterval(this.housekeepingTimer);
    this.housekeepingEveryMs = everyMs;
    this.housekeepingTimer = setInterval(() => housekeep(this.#engine, performance.now()), everyMs);
    this.housekeepingTimer.unref();
  }
}

export type { PooledConnection } from './pooled-connection';
export type { PoolTarget, PoolStats, PoolEvent, ConnectionInfo, PoolTargetStats, RequestOptions } from './types';
export { PoolError, PoolConfigError } from './errors';
