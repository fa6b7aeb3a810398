import { performance } from 'node:perf_hooks';
import { DEFAULT_POOL_CONFIG, patchPoolConfig } from '@poolscope/shared/config-rules';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import { ERROR_CODES, type CloseReason, type ConnectionState } from '@poolscope/shared/vocabulary';
import { acquireTimeoutError } from './acquire-timeout';
import { newPoolCounters } from './counters';
import { Deque } from './deque';
import { WaitQueue } from './wait-queue';
import { PoolConfigError, PoolError, type PoolErrorCode } from './errors';
import { EventBus } from './event-bus';
import { coarseNowMs } from './coarse-clock';
import { checkHealth } from './health-check';
import { LatencyWindow } from './latency-window';
import type { Connector, ReplySink } from './link';
import { PooledConnection, type RequestRunner } from './pooled-connection';
import { runPooledRequest, sendPooledRequest, settlePooledRequest } from './pooled-request';
import { socketConnector } from './socket-connector';
import { TargetSet } from './target-set';
import { startDial } from './dial';
import { highestShedRank, idleToShed, shedRank } from './shed';
import type { PoolOptions, RequestOptions } from './types';
import { RequestJob } from './request-job';
import { Waiter } from './waiter';

/**
 * The moving parts: connections between states, waiters, dials, checks. The state is a few
 * plain collections (all, idle, waiters) and per-state counts; every transition goes through
 * `setState`, so the counts are the gauges. ConnectionPool adds operation on top (stats,
 * reconfigure, housekeeping, close).
 */
export class PoolEngine implements RequestRunner {
  protected cfg: Readonly<PoolConfig>;
  readonly instrumented: boolean;
  readonly connector: Connector;
  readonly random: () => number;
  /** See PoolOptions.socketBudget (0 = none). */
  readonly socketBudget: number;
  readonly targets = new TargetSet();
  readonly all = new Set<PooledConnection>();
  readonly idle = new Deque<PooledConnection>();
  readonly waiters = new WaitQueue(() => this.cfg.acquireTimeoutMs, (waiter, nowMs) => this.timeOut(waiter, nowMs));
  readonly counters = newPoolCounters();
  readonly window: LatencyWindow;
  readonly events: EventBus;
  readonly count: Record<ConnectionState, number> = { connecting: 0, idle: 0, validating: 0, active: 0, closing: 0 };
  nextConnectionId = 1;
  heartbeatsInFlight = 0;
  leakSuspectCount = 0;
  lastDialError: string | null = null;
  protected closed = false;
  /** close() listens here for connections leaving their state; null otherwise. */
  protected onSettle: (() => void) | null = null;
  private dialRetryTimer: NodeJS.Timeout | null = null;

  constructor(options: PoolOptions = {}) {
    const result = patchPoolConfig({ ...DEFAULT_POOL_CONFIG }, options.config ?? {});
    if (!result.ok) throw new PoolConfigError(result.details);
    this.cfg = Object.freeze(result.value);
    this.instrumented = options.instrumented ?? true;
    this.connector = options.connector ?? socketConnector;
    this.random = options.random ?? Math.random;
    this.socketBudget = options.socketBudget ?? 0;
    this.events = new EventBus(this.instrumented);
    this.window = new LatencyWindow(options.latencyWindowTakes ?? 1);
    for (const target of options.targets ?? []) this.targets.add(target);
  }

  get config(): Readonly<PoolConfig> {
    return this.cfg;
  }

  get openCount(): number {
    return this.count.connecting + this.count.idle + this.count.validating + this.count.active;
  }

  acquire(): Promise<PooledConnection> {
    if (this.closed) return Promise.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool is closed'));
    const nowMs = coarseNowMs();
    const connection = this.takeIdle(nowMs);
    if (connection !== undefined && !this.needsCheck(connection, nowMs)) {
      this.lend(connection, nowMs, 0, false);
      return Promise.resolve(connection);
    }
    return new Promise((resolve, reject) => this.enlist(new Waiter(resolve, reject, nowMs, this.counters.dialFailures), connection));
  }

  /**
   * One round trip on whichever connection is free: acquire, request and release in one call,
   * as Go's http.Transport does per RoundTrip. The connection is back in the pool before the
   * promise settles, and a request that waited is written the moment a connection frees up.
   * A failed request closes its connection, as with a borrowed one.
   */
  request(payload: Buffer, options: RequestOptions): Promise<Buffer> {
    if (this.closed) return Promise.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool is closed'));
    const nowMs = coarseNowMs();
    const connection = this.takeIdle(nowMs);
    if (connection !== undefined && !this.needsCheck(connection, nowMs)) {
      this.lend(connection, nowMs, 0, false);
      return this.sendReleasing(connection, payload, options);
    }
    return new Promise((resolve, reject) => {
      this.enlist(new RequestJob(this, payload, options, resolve, reject, nowMs, this.counters.dialFailures), connection);
    });
  }

  /** A request on a connection lent for it alone: released the moment the request settles. */
  sendReleasing(connection: PooledConnection, payload: Buffer, options: RequestOptions): Promise<Buffer> {
    connection.releaseOnSettle = true;
    return runPooledRequest(this, connection, payload, options);
  }

  /** The same for a request that waited: its end is told to `sink`, which holds the caller's promise. */
  sendReleasingTo(connection: PooledConnection, payload: Buffer, options: RequestOptions, sink: ReplySink): void {
    connection.releaseOnSettle = true;
    sendPooledRequest(this, connection, payload, options, sink);
  }

  /** A waiter that found no idle connection ready: check the one it found, or queue it. */
  private enlist(waiter: Waiter, connection: PooledConnection | undefined): void {
    if (connection !== undefined) return this.checkThenLend(connection, waiter, false);
    if (this.targets.size === 0) return waiter.reject(this.rejection(ERROR_CODES.noTargets, 'the pool has no targets to dial'));
    const maxWaiters = this.cfg.maxWaiters;
    if (maxWaiters > 0 && this.waiters.length >= maxWaiters) {
      return waiter.reject(this.rejection(ERROR_CODES.queueFull, `wait queue full: ${this.waiters.length} waiting (maxWaiters ${maxWaiters})`));
    }
    this.waiters.push(waiter);
    this.refill();
  }

  release(connection: PooledConnection): void {
    // Anything but an active loan of ours (reclaimed, destroyed, released twice) is a harmless no-op.
    if (connection.state !== 'active' || connection.runner !== this) return;
    const nowMs = coarseNowMs();
    if (this.instrumented) this.window.recordHold(nowMs - connection.borrowedAtMs);
    if (connection.leakSuspect) this.clearLeakSuspect(connection, nowMs);
    connection.lastUsedAtMs = nowMs;
    this.place(connection, nowMs, false);
  }

  destroy(connection: PooledConnection, reason: CloseReason): void {
    if (connection.runner !== this) return;
    this.retire(connection, reason);
  }

  runRequest(connection: PooledConnection, payload: Buffer, options: RequestOptions): Promise<Buffer> {
    return runPooledRequest(this, connection, payload, options);
  }

  requestSettled(connection: PooledConnection, error: Error | null): void {
    settlePooledRequest(this, connection, error);
    if (!connection.releaseOnSettle) return;
    connection.releaseOnSettle = false;
    this.release(connection); // a no-op if the failure already closed it
  }

  /** Where a connection goes when it becomes free: closed if it should retire, else the oldest waiter, else idle. */
  place(connection: PooledConnection, nowMs: number, coldEnd: boolean): void {
    const reason = this.retireReason(connection, nowMs);
    if (reason !== null) return this.retire(connection, reason);
    if (this.cfg.maxOpen > 0 && this.openCount > this.cfg.maxOpen && this.shedOverMaxOpen(connection)) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      // A handoff is a lend like any other: validateAfterIdleMs 0 checks it too.
      if (this.needsCheck(connection, nowMs)) return this.checkThenLend(connection, waiter, true);
      this.lend(connection, nowMs, nowMs - waiter.enqueuedAtMs, true);
      return waiter.resolve(connection);
    }
    if (this.count.idle >= this.cfg.maxIdle) {
      // One of the idle ones or this one goes: whichever keeps the survivors spread.
      const rankedAtMs = performance.now();
      const other = idleToShed(this.idle, rankedAtMs, shedRank(connection.entry, rankedAtMs) + 1);
      if (other === undefined) return this.retire(connection, 'excess-idle');
      this.retire(other, 'excess-idle');
    }
    this.setState(connection, 'idle');
    connection.inIdle = true;
    if (coldEnd) this.idle.unshift(connection);
    else this.idle.push(connection);
  }

  retire(connection: PooledConnection, reason: CloseReason): void {
    if (connection.state === 'closing' || connection.link === null) return;
    if (connection.inIdle) this.removeFromIdle(connection);
    if (connection.leakSuspect) {
      connection.leakSuspect = false;
      this.leakSuspectCount--;
    }
    this.setState(connection, 'closing');
    connection.entry.open--;
    this.counters.closed[reason]++;
    if (this.instrumented) {
      const ageMs = performance.now() - connection.createdAtMs;
      this.window.record('lifespanMs', ageMs);
      if (this.events.listening) {
        this.events.emit({ t: Date.now(), type: 'connection-closed', connectionId: connection.id, targetId: connection.targetId, reason, ageMs: Math.round(ageMs), uses: connection.uses });
      }
    }
    connection.link!.destroy(() => this.forget(connection));
    this.onSettle?.();
    this.refill();
  }

  setState(connection: PooledConnection, next: ConnectionState): void {
    bump(this.count, connection.state, -1);
    bump(this.count, next, 1);
    connection.state = next;
  }

  /** Dial while there is demand (waiters, minIdle deficit) and room under maxOpen. */
  refill(): void {
    while (!this.closed && this.wantsDial()) {
      const entry = this.targets.pick(performance.now());
      if (entry === undefined) return this.armDialRetry();
      startDial(this, entry);
    }
  }

  /** Called by dial when a dial fails: the freed slot may be retried elsewhere. */
  dialSettled(): void {
    this.onSettle?.();
    this.refill();
  }

  protected forget(connection: PooledConnection): void {
    this.count.closing--;
    this.all.delete(connection);
    this.onSettle?.();
  }

  protected removeFromIdle(connection: PooledConnection): void {
    this.idle.remove(connection);
    connection.inIdle = false;
  }

  protected clearLeakSuspect(connection: PooledConnection, nowMs: number): void {
    connection.leakSuspect = false;
    this.leakSuspectCount--;
    if (this.events.listening) {
      this.events.emit({ t: Date.now(), type: 'leak-released', connectionId: connection.id, targetId: connection.targetId, heldMs: Math.round(nowMs - connection.borrowedAtMs) });
    }
  }

  /** Checks a connection (state validating); a failure closes it ('health-check') and counts against its target. */
  protected async validate(connection: PooledConnection, heartbeat: boolean): Promise<boolean> {
    this.setState(connection, 'validating');
    if (heartbeat) this.heartbeatsInFlight++;
    const { healthCheckMethod: method, healthCheckTimeoutMs, maxFrameBytes } = this.cfg;
    const startedMs = performance.now();
    const problem = await checkHealth(connection.link!, method, healthCheckTimeoutMs, maxFrameBytes);
    if (heartbeat) this.heartbeatsInFlight--;
    const nowMs = performance.now();
    if (this.instrumented) this.window.record('healthCheckMs', nowMs - startedMs);
    if (connection.state !== 'validating') return false;
    const byMethod = this.counters.healthChecksByMethod[method];
    if (problem === null) {
      this.counters.healthChecksPassed++;
      byMethod.passed++;
      connection.lastCheckedAtMs = nowMs;
      return true;
    }
    this.counters.healthChecksFailed++;
    byMethod.failed++;
    connection.entry.healthChecksFailed++;
    if (this.events.listening) {
      this.events.emit({ t: Date.now(), type: 'health-check-failed', connectionId: connection.id, targetId: connection.targetId, method, reason: problem });
    }
    this.retire(connection, 'health-check');
    return false;
  }

  protected stopTimers(): void {
    this.waiters.disarm();
    if (this.dialRetryTimer !== null) clearTimeout(this.dialRetryTimer);
    this.dialRetryTimer = null;
  }

  protected rejection(code: PoolErrorCode, message: string): PoolError {
    this.counters.rejected++;
    return new PoolError(code, message);
  }

  private lend(connection: PooledConnection, nowMs: number, waitedMs: number, waited: boolean): void {
    this.setState(connection, 'active');
    connection.firstRequestPending = connection.uses > 0;
    connection.uses++;
    connection.borrowedAtMs = nowMs;
    connection.lastUsedAtMs = nowMs;
    this.counters.acquires++;
    if (waited) this.counters.acquiresWaited++;
    if (this.instrumented) this.window.recordWait(waitedMs);
  }

  /** The next idle connection in idleOrder, closing any found expired or (watchIdle) already dead. */
  private takeIdle(nowMs: number): PooledConnection | undefined {
    for (;;) {
      const connection = this.cfg.idleOrder === 'lifo' ? this.idle.pop() : this.idle.shift();
      if (connection === undefined) return undefined;
      connection.inIdle = false;
      if (connection.expired(nowMs, this.cfg.maxLifetimeMs, this.cfg.maxLifetimeJitterPct)) this.retire(connection, 'max-lifetime');
      else if (this.cfg.watchIdle && connection.link!.goneReason !== null) this.retire(connection, 'remote-closed');
      else return connection;
    }
  }

  private needsCheck(connection: PooledConnection, nowMs: number): boolean {
    const { healthCheckMethod, validateAfterIdleMs } = this.cfg;
    if (healthCheckMethod === 'none') return false;
    // 0 means every borrow, whatever the coarse clock says about "just now".
    return validateAfterIdleMs === 0 || nowMs - Math.max(connection.lastUsedAtMs, connection.lastCheckedAtMs) >= validateAfterIdleMs;
  }

  /**
   * Check on borrow; on failure the borrower transparently gets another connection. `waited`:
   * the borrower came off the wait queue (a handoff), so a failure puts it back at the head.
   */
  private checkThenLend(connection: PooledConnection, waiter: Waiter, waited: boolean): void {
    void this.validate(connection, false).then((passed) => {
      if (!passed) return this.assign(waiter, waited);
      if (this.closed) {
        this.retire(connection, 'pool-closed');
        return waiter.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool closed while a connection was being checked'));
      }
      const nowMs = performance.now();
      this.lend(connection, nowMs, nowMs - waiter.enqueuedAtMs, waited);
      waiter.resolve(connection);
    });
  }

  /** Serve a waiter whose checked connection failed: another idle one, else back to the head of the queue. */
  private assign(waiter: Waiter, waited: boolean): void {
    if (this.closed) return waiter.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool is closed'));
    const nowMs = performance.now();
    const connection = this.takeIdle(nowMs);
    if (connection === undefined) {
      this.waiters.unshift(waiter);
      return this.refill();
    }
    if (this.needsCheck(connection, nowMs)) return this.checkThenLend(connection, waiter, waited);
    this.lend(connection, nowMs, nowMs - waiter.enqueuedAtMs, waited);
    waiter.resolve(connection);
  }

  private retireReason(connection: PooledConnection, nowMs: number): CloseReason | null {
    if (this.closed) return 'pool-closed';
    if (connection.entry.removed) return 'shrink';
    if (this.cfg.watchIdle && connection.link!.goneReason !== null) return 'remote-closed';
    if (connection.expired(nowMs, this.cfg.maxLifetimeMs, this.cfg.maxLifetimeJitterPct)) return 'max-lifetime';
    return null;
  }

  /**
   * Over maxOpen, one connection closes per release, on the target holding the most (see shed.ts):
   * this one if its target is such, and true; else an idle one there if any, and this one stays
   * (false). If every connection there is busy, the pool waits for one of them to come back.
   */
  private shedOverMaxOpen(connection: PooledConnection): boolean {
    const nowMs = performance.now();
    const top = highestShedRank(this.targets.list(), nowMs);
    if (shedRank(connection.entry, nowMs) >= top) {
      this.retire(connection, 'shrink');
      return true;
    }
    const other = idleToShed(this.idle, nowMs, top);
    if (other !== undefined) this.retire(other, 'shrink');
    return false;
  }

  private wantsDial(): boolean {
    if (this.targets.size === 0) return false;
    if (this.cfg.maxOpen > 0 && this.openCount >= this.cfg.maxOpen) return false;
    const idleDeficit = Math.max(0, this.cfg.minIdle - this.count.idle - this.heartbeatsInFlight);
    return this.count.connecting < this.waiters.length + idleDeficit;
  }

  private armDialRetry(): void {
    if (this.dialRetryTimer !== null) return;
    const delayMs = Math.max(1, Math.ceil(this.targets.earliestBackoffEndMs() - performance.now()));
    this.dialRetryTimer = setTimeout(() => {
      this.dialRetryTimer = null;
      this.refill();
    }, delayMs);
    this.dialRetryTimer.unref();
  }

  private timeOut(waiter: Waiter, nowMs: number): void {
    const waitedMs = nowMs - waiter.enqueuedAtMs;
    const error = acquireTimeoutError({
      acquireTimeoutMs: this.cfg.acquireTimeoutMs, active: this.count.active, maxOpen: this.cfg.maxOpen,
      waiting: this.waiters.length + 1, waitedMs, lastDialError: this.lastDialError,
      dialFailuresDuringWait: this.counters.dialFailures - waiter.dialFailuresAtStart,
    });
    this.counters.acquireTimeouts++;
    if (this.instrumented) this.window.recordWait(waitedMs);
    if (this.events.listening) this.events.emit({ t: Date.now(), type: 'acquire-timed-out', waitedMs: Math.round(waitedMs), message: error.message });
    waiter.reject(error);
  }
}

/** count[state] += delta, by a switch: a keyed access with five different keys is megamorphic and shows in profiles. */
function bump(count: Record<ConnectionState, number>, state: ConnectionState, delta: number): void {
  switch (state) {
    case 'idle': count.idle += delta; break;
    case 'active': count.active += delta; break;
    case 'connecting': count.connecting += delta; break;
    case 'validating': count.validating += delta; break;
    case 'closing': count.closing += delta; break;
  }
}
