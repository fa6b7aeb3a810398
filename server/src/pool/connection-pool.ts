import { patchPoolConfig } from '@poolscope/shared/config-rules';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { HistogramBucket, LatencySummary, LeakSuspectSnapshot } from '@poolscope/shared/snapshot';
import type { PatchResult } from '@poolscope/shared/validation';
import { ERROR_CODES } from '@poolscope/shared/vocabulary';
import { changedFields } from './config-diff';
import { copyCounters } from './counters';
import { PoolError } from './errors';
import type { PoolEventListener } from './event-bus';
import { housekeepingIntervalMs, sweepIdle } from './housekeeping';
import { PoolEngine } from './pool-engine';
import { highestShedRank, idleToShed } from './shed';
import type { PooledConnection } from './pooled-connection';
import type { WaitTotals } from './latency-window';
import type { ConnectionInfo, PoolOptions, PoolStats, PoolTarget, PoolTargetStats } from './types';

// Read once: the getter validates on every call, which showed in profiles of 5,000-connection snapshots.
const TIME_ORIGIN_MS = performance.timeOrigin;
const toEpochMs = (perfMs: number) => Math.round(TIME_ORIGIN_MS + perfMs);

/**
 * A TCP connection pool with every knob live (see PoolConfig) and instrumentation built in.
 * The moving parts live in PoolEngine; this adds what an operator does with it.
 */
export class ConnectionPool extends PoolEngine {
  private housekeepingTimer: NodeJS.Timeout | null = null;
  private housekeepingEveryMs = 0;
  private closePromise: Promise<void> | null = null;

  constructor(options: PoolOptions = {}) {
    super(options);
    this.scheduleHousekeeping();
    this.refill();
  }

  on(_event: 'event', listener: PoolEventListener): this {
    this.events.on(listener);
    return this;
  }

  off(_event: 'event', listener: PoolEventListener): this {
    this.events.off(listener);
    return this;
  }

  /** Validated whole over the current config: all or nothing. Throws POOL_CLOSED once closed: nothing would apply. */
  reconfigure(patch: unknown): PatchResult<PoolConfig> {
    if (this.closed) throw new PoolError(ERROR_CODES.poolClosed, 'the pool is closed: a reconfigure would change nothing');
    const result = patchPoolConfig(this.cfg, patch);
    if (!result.ok) return result;
    const previous = this.cfg;
    this.cfg = Object.freeze(result.value);
    const changed = changedFields(previous, this.cfg);
    if (Object.keys(changed).length === 0) return result;
    this.applyConfigChange(previous);
    if (this.events.listening) this.events.emit({ t: Date.now(), type: 'reconfigured', scope: 'pool', changed });
    return result;
  }

  addTarget(target: PoolTarget): void {
    this.targets.add(target);
    this.refill();
  }

  /** Idle connections to it close now ('shrink'); borrowed ones close when released. */
  removeTarget(targetId: string): boolean {
    const entry = this.targets.remove(targetId);
    if (entry === undefined) return false;
    for (const connection of this.idle.toArray()) if (connection.entry === entry) this.retire(connection, 'shrink');
    return true;
  }

  /** Destroys every leak suspect's connection ('leak-reclaimed'); their borrowers' later release is a no-op. */
  reclaimLeaks(): number {
    let reclaimed = 0;
    for (const connection of [...this.all]) {
      if (!connection.leakSuspect || connection.state !== 'active') continue;
      this.retire(connection, 'leak-reclaimed');
      reclaimed++;
    }
    return reclaimed;
  }

  stats(): PoolStats {
    const head = this.waiters.peekFront();
    return {
      open: this.openCount, idle: this.count.idle, active: this.count.active, connecting: this.count.connecting,
      validating: this.count.validating, closing: this.count.closing, waiting: this.waiters.length,
      maxOpen: this.cfg.maxOpen, minIdle: this.cfg.minIdle, maxIdle: this.cfg.maxIdle, socketBudget: this.socketBudget,
      oldestWaitMs: head === undefined ? 0 : Math.round(performance.now() - head.enqueuedAtMs),
      leakSuspects: this.leakSuspectCount,
      ...copyCounters(this.counters),
    };
  }

  connections(): ConnectionInfo[] {
    const list: ConnectionInfo[] = [];
    for (const c of this.all) {
      list.push({ id: c.id, targetId: c.targetId, state: c.state, createdAt: toEpochMs(c.createdAtMs), lastUsedAt: toEpochMs(c.lastUsedAtMs), uses: c.uses });
    }
    return list;
  }

  leakSuspects(): LeakSuspectSnapshot[] {
    if (this.leakSuspectCount === 0) return [];
    const nowMs = performance.now();
    return [...this.all].filter((c) => c.leakSuspect).map((c) => ({
      connectionId: c.id, targetId: c.targetId, heldMs: Math.round(nowMs - c.borrowedAtMs), borrowedAt: toEpochMs(c.borrowedAtMs),
    }));
  }

  targetStats(): PoolTargetStats[] {
    return this.targets.stats(performance.now());
  }

  /** Latency percentiles and the acquire-wait histogram for the samples since the previous call. */
  takeLatencyWindow(): { latency: LatencySummary; waitHistogram: HistogramBucket[] } {
    return this.window.take();
  }

  /** Every acquire wait since start, by bucket, for the /metrics histogram. */
  acquireWaitTotals(): WaitTotals {
    return this.window.waitTotals();
  }

  /**
   * In order: refuse new acquires; stop timers; reject waiters; close idle connections; give
   * loans up to shutdownGraceMs to come back; close what is left; wait until every socket has
   * fully closed and every dial in flight has ended, so nothing outlives the returned promise.
   */
  close(): Promise<void> {
    this.closePromise ??= this.shutDown();
    return this.closePromise;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    this.stopTimers();
    if (this.housekeepingTimer !== null) clearInterval(this.housekeepingTimer);
    for (let waiter = this.waiters.shift(); waiter !== undefined; waiter = this.waiters.shift()) {
      this.counters.rejected++;
      waiter.reject(new PoolError(ERROR_CODES.poolClosed, 'the pool closed while this acquire was waiting'));
    }
    for (const connection of this.idle.toArray()) this.retire(connection, 'pool-closed');
    await this.settle(() => this.count.active + this.count.validating === 0, this.cfg.shutdownGraceMs);
    for (const connection of [...this.all]) this.retire(connection, 'pool-closed');
    await this.settle(() => this.all.size === 0, this.cfg.dialTimeoutMs + 5000);
  }

  /** Resolves when `done()` holds (re-checked whenever a connection leaves a state) or after timeoutMs. */
  private settle(done: () => boolean, timeoutMs: number): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.onSettle = null;
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      this.onSettle = () => {
        if (done()) finish();
      };
    });
  }

  private applyConfigChange(previous: Readonly<PoolConfig>): void {
    const cfg = this.cfg;
    if (cfg.keepAlive !== previous.keepAlive || cfg.noDelay !== previous.noDelay) {
      for (const c of this.all) c.link?.setSocketOptions({ keepAlive: cfg.keepAlive, noDelay: cfg.noDelay });
    }
    if (cfg.maxFrameBytes !== previous.maxFrameBytes) {
      for (const c of this.all) if (c.link !== null) c.link.maxUnexpectedBytes = cfg.maxFrameBytes;
    }
    if (cfg.watchIdle && !previous.watchIdle) {
      for (const c of this.idle.toArray()) if (c.link!.goneReason !== null) this.retire(c, 'remote-closed');
    }
    this.shrinkIdle();
    if (cfg.acquireTimeoutMs !== previous.acquireTimeoutMs) this.waiters.rearm();
    this.scheduleHousekeeping();
    this.refill();
  }

  /**
   * Close idle connections now until within maxOpen and maxIdle, coldest first on the targets
   * holding the most (see shed.ts), so survivors stay spread; busy ones retire on release.
   */
  private shrinkIdle(): void {
    const { maxOpen, maxIdle } = this.cfg;
    const nowMs = performance.now();
    while (maxOpen > 0 && this.openCount > maxOpen) {
      const connection = idleToShed(this.idle, nowMs, highestShedRank(this.targets.list(), nowMs));
      if (connection === undefined) break;
      this.retire(connection, 'shrink');
    }
    while (this.count.idle > maxIdle) this.retire(idleToShed(this.idle, nowMs)!, 'shrink');
  }

  private scheduleHousekeeping(): void {
    const everyMs = housekeepingIntervalMs(this.cfg);
    if (everyMs === this.housekeepingEveryMs && this.housekeepingTimer !== null) return;
    if (this.housekeepingTimer !== null) clearInterval(this.housekeepingTimer);
    this.housekeepingEveryMs = everyMs;
    this.housekeepingTimer = setInterval(() => this.housekeep(), everyMs);
    this.housekeepingTimer.unref();
  }

  /** Reaper, lifetime, heartbeats and leak detection, then refill to minIdle. */
  private housekeep(): void {
    const nowMs = performance.now();
    const sweep = sweepIdle(this.idle.toArray(), this.count.idle, this.cfg, nowMs);
    for (const { connection, reason } of sweep.close) this.retire(connection, reason);
    for (const connection of sweep.heartbeat) this.heartbeat(connection);
    if (this.cfg.leakDetectionThresholdMs > 0) this.flagLeaks(nowMs);
    this.refill();
  }

  private heartbeat(connection: PooledConnection): void {
    if (connection.state !== 'idle') return;
    this.removeFromIdle(connection);
    void this.validate(connection, true).then((passed) => {
      // Back at the cold end: a heartbeat is not a use, so LIFO order is kept.
      if (passed) this.place(connection, performance.now(), true);
    });
  }

  private flagLeaks(nowMs: number): void {
    const thresholdMs = this.cfg.leakDetectionThresholdMs;
    for (const c of this.all) {
      if (c.state !== 'active' || c.leakSuspect || nowMs - c.borrowedAtMs < thresholdMs) continue;
      c.leakSuspect = true;
      this.leakSuspectCount++;
      if (this.events.listening) {
        this.events.emit({ t: Date.now(), type: 'leak-suspected', connectionId: c.id, targetId: c.targetId, heldMs: Math.round(nowMs - c.borrowedAtMs) });
      }
    }
  }
}

export type { PooledConnection } from './pooled-connection';
export type { PoolTarget, PoolStats, PoolEvent, ConnectionInfo, PoolTargetStats, RequestOptions } from './types';
export { PoolError, PoolConfigError } from './errors';
