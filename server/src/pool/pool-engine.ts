import { performance } from 'node:perf_hooks';
import { DEFAULT_POOL_CONFIG, patchPoolConfig } from '@poolscope/shared/config-rules';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import { ERROR_CODES, type CloseReason } from '@poolscope/shared/vocabulary';
import { acquireTimeoutError } from './acquire-timeout';
import { newPoolCounters } from './counters';
import { Deque } from './deque';
import { WaitQueue } from './wait-queue';
import { PoolConfigError, PoolError, type PoolErrorCode } from './errors';
import { EventBus } from './event-bus';
import { coarseNowMs } from './coarse-clock';
import { checkHealth } from './health-check';
import { checkOutcome } from './check-outcome';
import { LatencyWindow } from './latency-window';
import type { Connector, ReplySink } from './link';
import { recordOf, type ConnectionRecord, type RecordOwner } from './connection-record';
import { ConnectionStates } from './connection-states';
import { DialError } from './dial-error';
import type { PooledConnection } from './pooled-connection';
import { runPooledRequest, sendPooledRequest, settlePooledRequest } from './pooled-request';
import { socketConnector } from './socket-connector';
import { TargetSet, type TargetEntry } from './target-set';
import { Rebalancer } from './rebalance';
import { countDialFailure, startDial } from './dial';
import { highestShedRank, idleToShed, shedRank, type IdleList } from './shed';
import type { PoolOptions, PoolTarget, RequestOptions } from './types';
import { shrinkIdle } from './upkeep';
import { RequestJob } from './request-job';
import { Waiter, type PendingAcquire } from './waiter';

/** The engine's gauges as its readers see them: counts, no transitions. */
export type StateReadout = Pick<
  ConnectionStates,
  'connecting' | 'idle' | 'validating' | 'active' | 'closing' | 'open' | 'size' | 'leakSuspects' | 'records'
>;

/**
 * The moving parts: connections between states, waiters, dials, checks. The state is a few
 * plain collections (records, idle, waiters); ConnectionStates owns every record's state and
 * the counts, so the counts are the gauges. ConnectionPool (the public face) owns one engine
 * and adds what an operator does: validation, housekeeping timer, read-outs, close.
 */
export class PoolEngine implements RecordOwner {
  private cfg: Readonly<PoolConfig>;
  readonly instrumented: boolean;
  readonly connector: Connector;
  readonly random: () => number;
  /** See PoolOptions.socketBudget (0 = none). */
  readonly socketBudget: number;
  readonly targets = new TargetSet();
  private readonly records = new ConnectionStates();
  private readonly idle = new Deque<ConnectionRecord>();
  readonly waiters = new WaitQueue(
    () => this.cfg.acquireTimeoutMs,
    (waiter, nowMs) => this.timeOut(waiter, nowMs),
  );
  readonly counters = newPoolCounters();
  readonly window: LatencyWindow;
  readonly events: EventBus;
  private heartbeatsInFlight = 0;
  private lastDialError: string | null = null;
  private closed = false;
  /** shutDown() listens here for connections leaving their state; null otherwise. */
  private onSettle: (() => void) | null = null;
  private dialRetryTimer: NodeJS.Timeout | null = null;
  private readonly rebalancer = new Rebalancer(this);

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

  get states(): StateReadout {
    return this.records;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Idle connections, coldest first, read-only. */
  get idleList(): IdleList {
    return this.idle;
  }

  acquire(): Promise<PooledConnection> {
    if (this.closed) return Promise.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool is closed'));
    const nowMs = coarseNowMs();
    const record = this.takeIdle(nowMs);
    if (record !== undefined && !this.needsCheck(record, nowMs)) {
      this.lend(record, nowMs, 0, false);
      return Promise.resolve(record.loan);
    }
    return new Promise((resolve, reject) => this.enlist(new Waiter(resolve, reject, nowMs, this.counters.dialFailures), record));
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
    const record = this.takeIdle(nowMs);
    if (record !== undefined && !this.needsCheck(record, nowMs)) {
      this.lend(record, nowMs, 0, false);
      record.releaseOnSettle = true;
      return runPooledRequest(this, record, payload, options);
    }
    return new Promise((resolve, reject) => {
      this.enlist(new RequestJob(this, payload, options, resolve, reject, nowMs, this.counters.dialFailures), record);
    });
  }

  /** A request that waited, on a connection lent for it alone: its end is told to `sink`, which holds the caller's promise. */
  sendReleasingTo(record: ConnectionRecord, payload: Buffer, options: RequestOptions, sink: ReplySink): void {
    record.releaseOnSettle = true;
    sendPooledRequest(this, record, payload, options, sink);
  }

  /** A waiter that found no idle connection ready: check the one it found, or queue it. */
  private enlist(waiter: PendingAcquire, record: ConnectionRecord | undefined): void {
    if (record !== undefined) return this.checkThenLend(record, waiter, false);
    if (this.targets.size === 0) return waiter.reject(this.rejection(ERROR_CODES.noTargets, 'the pool has no targets to dial'));
    const maxWaiters = this.cfg.maxWaiters;
    if (maxWaiters > 0 && this.waiters.length >= maxWaiters) {
      return waiter.reject(
        this.rejection(ERROR_CODES.queueFull, `wait queue full: ${this.waiters.length} waiting (maxWaiters ${maxWaiters})`),
      );
    }
    this.waiters.push(waiter);
    this.refill();
  }

  /** Anything but an active loan of this pool (reclaimed, destroyed, released twice, foreign) is a harmless no-op. */
  release(loan: PooledConnection): void {
    const record = recordOf(loan);
    if (record !== undefined) this.releaseRecord(record);
  }

  destroy(loan: PooledConnection, reason: CloseReason): void {
    const record = recordOf(loan);
    if (record !== undefined) this.destroyRecord(record, reason);
  }

  releaseRecord(record: ConnectionRecord): void {
    if (record.state !== 'active' || record.owner !== this) return;
    const nowMs = coarseNowMs();
    if (this.instrumented) this.window.recordHold(nowMs - record.borrowedAtMs);
    if (record.leakSuspect) this.clearLeakSuspect(record, nowMs);
    record.lastUsedAtMs = nowMs;
    this.place(record, nowMs, false);
  }

  destroyRecord(record: ConnectionRecord, reason: CloseReason): void {
    if (record.owner === this) this.retire(record, reason);
  }

  runRequest(record: ConnectionRecord, payload: Buffer, options: RequestOptions): Promise<Buffer> {
    return runPooledRequest(this, record, payload, options);
  }

  requestSettled(record: ConnectionRecord, error: Error | null): void {
    settlePooledRequest(this, record, error);
    if (!record.releaseOnSettle) return;
    record.releaseOnSettle = false;
    this.releaseRecord(record); // a no-op if the failure already closed it
  }

  /** Where a connection goes when it becomes free: closed if it should retire, else the oldest waiter, else idle. */
  private place(record: ConnectionRecord, nowMs: number, coldEnd: boolean): void {
    const reason = this.retireReason(record, nowMs);
    if (reason !== null) return this.retire(record, reason);
    if (this.cfg.maxOpen > 0 && this.records.open > this.cfg.maxOpen && this.shedOverMaxOpen(record)) return;
    if (this.rebalancer.movedOnRelease(record, nowMs)) return;
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      // A handoff is a lend like any other: validateAfterIdleMs 0 checks it too.
      if (this.needsCheck(record, nowMs)) return this.checkThenLend(record, waiter, true);
      this.lend(record, nowMs, nowMs - waiter.enqueuedAtMs, true);
      return waiter.resolve(record);
    }
    if (this.records.idle >= this.cfg.maxIdle) {
      // One of the idle ones or this one goes: whichever keeps the survivors spread.
      const rankedAtMs = performance.now();
      const other = idleToShed(this.idle, rankedAtMs, shedRank(record.entry, rankedAtMs) + 1);
      if (other === undefined) return this.retire(record, 'excess-idle');
      this.retire(other, 'excess-idle');
    }
    this.records.move(record, 'idle');
    record.inIdle = true;
    if (coldEnd) this.idle.unshift(record);
    else this.idle.push(record);
  }

  retire(record: ConnectionRecord, reason: CloseReason): void {
    if (record.state === 'closing' || record.link === null) return;
    if (record.inIdle) this.removeFromIdle(record);
    this.records.close(record);
    this.counters.closed[reason]++;
    if (this.instrumented) {
      const ageMs = performance.now() - record.createdAtMs;
      this.window.record('lifespanMs', ageMs);
      if (this.events.listening) {
        this.events.emit({
          t: Date.now(),
          type: 'connection-closed',
          connectionId: record.id,
          targetId: record.targetId,
          reason,
          ageMs: Math.round(ageMs),
          uses: record.uses,
        });
      }
    }
    record.link.destroy(() => this.forget(record));
    this.onSettle?.();
    this.refill();
  }

  /** Dial while there is demand (waiters, minIdle deficit) and room under maxOpen. */
  refill(): void {
    while (!this.closed && this.wantsDial()) {
      const nowMs = performance.now();
      const entry = this.rebalancer.takeSteer(nowMs) ?? this.targets.pick(nowMs);
      if (entry === undefined) return this.armDialRetry();
      // Past the socket budget the dial fails at once, counted like any failed dial; its backoff
      // is what stops this loop from trying again until a socket may be free.
      if (this.socketBudget > 0 && this.records.size >= this.socketBudget) {
        const size = this.records.size;
        countDialFailure(
          this,
          entry,
          new DialError(ERROR_CODES.socketBudget, `socket budget reached: ${size} of ${this.socketBudget} sockets in use`),
        );
        this.lastDialError = entry.lastError;
        continue;
      }
      startDial(this, this.records.add(entry, performance.now(), this.random, this));
    }
  }

  linkReady(record: ConnectionRecord, nowMs: number): void {
    this.place(record, nowMs, false);
  }

  dialGone(record: ConnectionRecord): void {
    this.records.remove(record);
    this.lastDialError = record.entry.lastError;
    this.onSettle?.();
    this.refill();
  }

  private forget(record: ConnectionRecord): void {
    this.records.remove(record);
    this.onSettle?.();
  }

  private removeFromIdle(record: ConnectionRecord): void {
    this.idle.remove(record);
    record.inIdle = false;
  }

  /** A new config, already validated whole: live knobs act now. */
  configure(next: Readonly<PoolConfig>): void {
    const previous = this.cfg;
    this.cfg = next;
    if (next.keepAlive !== previous.keepAlive || next.noDelay !== previous.noDelay) {
      for (const r of this.records.records()) r.link?.setSocketOptions({ keepAlive: next.keepAlive, noDelay: next.noDelay });
    }
    if (next.maxFrameBytes !== previous.maxFrameBytes) {
      for (const r of this.records.records()) if (r.link !== null) r.link.maxUnexpectedBytes = next.maxFrameBytes;
    }
    if (next.watchIdle && !previous.watchIdle) {
      for (const r of this.idle.toArray()) if (r.link!.goneReason !== null) this.retire(r, 'remote-closed');
    }
    shrinkIdle(this, performance.now());
    if (next.acquireTimeoutMs !== previous.acquireTimeoutMs) this.waiters.rearm();
    this.refill();
  }

  addTarget(target: PoolTarget): void {
    this.targets.add(target);
    this.refill();
  }

  /** Idle connections to it close now ('shrink'); borrowed ones close when released. */
  removeTarget(targetId: string): boolean {
    const entry = this.targets.remove(targetId);
    if (entry === undefined) return false;
    for (const record of this.idle.toArray()) if (record.entry === entry) this.retire(record, 'shrink');
    return true;
  }

  /** One rebalancing step (see Rebalancer.step); once per housekeeping pass. */
  rebalance(nowMs: number): void {
    this.rebalancer.step(nowMs);
  }

  /** A dial to `entry` if there is room: the pool open, below maxOpen, within the socket budget. */
  dialIfRoom(entry: TargetEntry): void {
    const withinBudget = this.socketBudget === 0 || this.records.size < this.socketBudget;
    if (!this.closed && this.records.open < this.cfg.maxOpen && withinBudget) {
      startDial(this, this.records.add(entry, performance.now(), this.random, this));
    }
  }

  /** A heartbeat check of an idle connection; back at the cold end if it passes (not a use, so LIFO order holds). */
  heartbeat(record: ConnectionRecord): void {
    if (record.state !== 'idle') return;
    this.removeFromIdle(record);
    void this.validate(record, true).then((passed) => {
      if (passed) this.place(record, performance.now(), true);
    });
  }

  /** An active loan held past leakDetectionThresholdMs. */
  flagLeak(record: ConnectionRecord, nowMs: number): void {
    if (record.state !== 'active' || record.leakSuspect) return;
    this.records.flagLeak(record);
    if (this.events.listening) {
      this.events.emit({
        t: Date.now(),
        type: 'leak-suspected',
        connectionId: record.id,
        targetId: record.targetId,
        heldMs: Math.round(nowMs - record.borrowedAtMs),
      });
    }
  }

  /**
   * In order: refuse new acquires; stop timers; reject waiters; close idle connections; give
   * loans up to shutdownGraceMs to come back; close what is left; wait until every socket has
   * fully closed and every dial in flight has ended, so nothing outlives the returned promise.
   */
  async shutDown(): Promise<void> {
    this.closed = true;
    this.waiters.disarm();
    if (this.dialRetryTimer !== null) clearTimeout(this.dialRetryTimer);
    this.dialRetryTimer = null;
    for (let waiter = this.waiters.shift(); waiter !== undefined; waiter = this.waiters.shift()) {
      this.counters.rejected++;
      waiter.reject(new PoolError(ERROR_CODES.poolClosed, 'the pool closed while this acquire was waiting'));
    }
    for (const record of this.idle.toArray()) this.retire(record, 'pool-closed');
    await this.settle(() => this.records.active + this.records.validating === 0, this.cfg.shutdownGraceMs);
    for (const record of [...this.records.records()]) this.retire(record, 'pool-closed');
    await this.settle(() => this.records.size === 0, this.cfg.dialTimeoutMs + 5000);
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

  private clearLeakSuspect(record: ConnectionRecord, nowMs: number): void {
    this.records.clearLeak(record);
    if (this.events.listening) {
      this.events.emit({
        t: Date.now(),
        type: 'leak-released',
        connectionId: record.id,
        targetId: record.targetId,
        heldMs: Math.round(nowMs - record.borrowedAtMs),
      });
    }
  }

  /** Checks a connection (state validating); a failure closes it ('health-check') and counts against its target. */
  private async validate(record: ConnectionRecord, heartbeat: boolean): Promise<boolean> {
    this.records.move(record, 'validating');
    if (heartbeat) this.heartbeatsInFlight++;
    const { healthCheckMethod: method, healthCheckTimeoutMs, maxFrameBytes } = this.cfg;
    const startedMs = performance.now();
    const problem = await checkHealth(record.link!, method, healthCheckTimeoutMs, maxFrameBytes);
    // Before the outcome: a failure retires and refills, and that refill must not count this check.
    if (heartbeat) this.heartbeatsInFlight--;
    return checkOutcome(this, record, method, problem, startedMs);
  }

  private rejection(code: PoolErrorCode, message: string): PoolError {
    this.counters.rejected++;
    return new PoolError(code, message);
  }

  private lend(record: ConnectionRecord, nowMs: number, waitedMs: number, waited: boolean): void {
    this.records.move(record, 'active');
    record.firstRequestPending = record.uses > 0;
    record.uses++;
    record.borrowedAtMs = nowMs;
    record.lastUsedAtMs = nowMs;
    this.counters.acquires++;
    if (waited) this.counters.acquiresWaited++;
    if (this.instrumented) this.window.recordWait(waitedMs);
  }

  /** The next idle connection in idleOrder, closing any found expired or (watchIdle) already dead. */
  private takeIdle(nowMs: number): ConnectionRecord | undefined {
    for (;;) {
      const record = this.cfg.idleOrder === 'lifo' ? this.idle.pop() : this.idle.shift();
      if (record === undefined) return undefined;
      record.inIdle = false;
      if (record.expired(nowMs, this.cfg.maxLifetimeMs, this.cfg.maxLifetimeJitterPct)) this.retire(record, 'max-lifetime');
      else if (this.cfg.watchIdle && record.link!.goneReason !== null) this.retire(record, 'remote-closed');
      else return record;
    }
  }

  private needsCheck(record: ConnectionRecord, nowMs: number): boolean {
    const { healthCheckMethod, validateAfterIdleMs } = this.cfg;
    if (healthCheckMethod === 'none') return false;
    // 0 means every borrow, whatever the coarse clock says about "just now".
    return validateAfterIdleMs === 0 || nowMs - Math.max(record.lastUsedAtMs, record.lastCheckedAtMs) >= validateAfterIdleMs;
  }

  /**
   * Check on borrow; on failure the borrower transparently gets another connection. `waited`:
   * the borrower came off the wait queue (a handoff), so a failure puts it back at the head.
   */
  private checkThenLend(record: ConnectionRecord, waiter: PendingAcquire, waited: boolean): void {
    void this.validate(record, false).then((passed) => {
      if (!passed) return this.assign(waiter, waited);
      if (this.closed) {
        this.retire(record, 'pool-closed');
        return waiter.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool closed while a connection was being checked'));
      }
      const nowMs = performance.now();
      this.lend(record, nowMs, nowMs - waiter.enqueuedAtMs, waited);
      waiter.resolve(record);
    });
  }

  /** Serve a waiter whose checked connection failed: another idle one, else back to the head of the queue. */
  private assign(waiter: PendingAcquire, waited: boolean): void {
    if (this.closed) return waiter.reject(this.rejection(ERROR_CODES.poolClosed, 'the pool is closed'));
    const nowMs = performance.now();
    const record = this.takeIdle(nowMs);
    if (record === undefined) {
      this.waiters.unshift(waiter);
      return this.refill();
    }
    if (this.needsCheck(record, nowMs)) return this.checkThenLend(record, waiter, waited);
    this.lend(record, nowMs, nowMs - waiter.enqueuedAtMs, waited);
    waiter.resolve(record);
  }

  private retireReason(record: ConnectionRecord, nowMs: number): CloseReason | null {
    if (this.closed) return 'pool-closed';
    if (record.entry.removed) return 'shrink';
    if (this.cfg.watchIdle && record.link!.goneReason !== null) return 'remote-closed';
    if (record.expired(nowMs, this.cfg.maxLifetimeMs, this.cfg.maxLifetimeJitterPct)) return 'max-lifetime';
    return null;
  }

  /**
   * Over maxOpen, one connection closes per release, on the target holding the most (see shed.ts):
   * this one if its target is such, and true; else an idle one there if any, and this one stays
   * (false). If every connection there is busy, the pool waits for one of them to come back.
   */
  private shedOverMaxOpen(record: ConnectionRecord): boolean {
    const nowMs = performance.now();
    const top = highestShedRank(this.targets.list(), nowMs);
    if (shedRank(record.entry, nowMs) >= top) {
      this.retire(record, 'shrink');
      return true;
    }
    const other = idleToShed(this.idle, nowMs, top);
    if (other !== undefined) this.retire(other, 'shrink');
    return false;
  }

  private wantsDial(): boolean {
    if (this.targets.size === 0) return false;
    if (this.cfg.maxOpen > 0 && this.records.open >= this.cfg.maxOpen) return false;
    const idleDeficit = Math.max(0, this.cfg.minIdle - this.records.idle - this.heartbeatsInFlight);
    return this.records.connecting < this.waiters.length + idleDeficit;
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

  private timeOut(waiter: PendingAcquire, nowMs: number): void {
    const waitedMs = nowMs - waiter.enqueuedAtMs;
    const error = acquireTimeoutError({
      acquireTimeoutMs: this.cfg.acquireTimeoutMs,
      active: this.records.active,
      maxOpen: this.cfg.maxOpen,
      waiting: this.waiters.length + 1,
      waitedMs,
      lastDialError: this.lastDialError,
      dialFailuresDuringWait: this.counters.dialFailures - waiter.dialFailuresAtStart,
    });
    this.counters.acquireTimeouts++;
    if (this.instrumented) this.window.recordWait(waitedMs);
    if (this.events.listening)
      this.events.emit({ t: Date.now(), type: 'acquire-timed-out', waitedMs: Math.round(waitedMs), message: error.message });
    waiter.reject(error);
  }
}
