import { performance } from 'node:perf_hooks';
import { Deque } from './deque';
import type { PendingAcquire } from './waiter';

/**
 * Pending acquires, served first come first served, with ONE timer for all of them. Every
 * waiter has the same acquireTimeoutMs, so deadlines come in queue order and only the oldest
 * can be due. The timer is re-armed lazily: when it fires early (its waiter was served), it
 * expires nothing and re-arms for the new head. One timer per waiter would cost far more.
 */
export class WaitQueue {
  private readonly queue = new Deque<PendingAcquire>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly timeoutMs: () => number,
    private readonly onTimeout: (waiter: PendingAcquire, nowMs: number) => void,
  ) {}

  get length(): number {
    return this.queue.length;
  }

  peekFront(): PendingAcquire | undefined {
    return this.queue.peekFront();
  }

  push(waiter: PendingAcquire): void {
    this.queue.push(waiter);
    this.arm();
  }

  /** Back to the head (a waiter whose checked connection failed keeps its place). */
  unshift(waiter: PendingAcquire): void {
    this.queue.unshift(waiter);
    this.rearm();
  }

  shift(): PendingAcquire | undefined {
    const waiter = this.queue.shift();
    if (this.queue.length === 0) this.disarm();
    return waiter;
  }

  /** After acquireTimeoutMs changes or the head changes out of order. */
  rearm(): void {
    this.disarm();
    this.arm();
  }

  disarm(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    const head = this.queue.peekFront();
    if (this.timer !== null || head === undefined) return;
    const delayMs = head.enqueuedAtMs + this.timeoutMs() - performance.now();
    this.timer = setTimeout(this.expire, Math.max(0, Math.ceil(delayMs)));
  }

  private readonly expire = (): void => {
    this.timer = null;
    const nowMs = performance.now();
    const timeoutMs = this.timeoutMs();
    for (let head = this.queue.peekFront(); head !== undefined && nowMs - head.enqueuedAtMs >= timeoutMs; head = this.queue.peekFront()) {
      this.queue.shift();
      this.onTimeout(head, nowMs);
    }
    this.arm();
  };
}
