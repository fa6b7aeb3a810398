/** A connection waiting for a worker; admitted FIFO. */
export interface GateWaiter {
  onAdmitted(): void;
}

/**
 * The target's worker pool: at most `limit` requests in service at once, the rest wait in
 * arrival order (0 = unlimited). The limit changes live: growing admits waiters at once,
 * shrinking lets requests in service finish and admits no more until below the new limit.
 * A Set keeps FIFO order and makes cancelling a waiter (its connection died) O(1).
 */
export class WorkerGate {
  #limit: number;
  #inService = 0;
  readonly #waiting = new Set<GateWaiter>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  get inService(): number {
    return this.#inService;
  }

  get waiting(): number {
    return this.#waiting.size;
  }

  /** True when admitted now; otherwise `onAdmitted` is called later. */
  enter(waiter: GateWaiter): boolean {
    if (this.#waiting.size === 0 && this.#hasFreeWorker()) {
      this.#inService += 1;
      return true;
    }
    this.#waiting.add(waiter);
    return false;
  }

  leave(): void {
    this.#inService -= 1;
    this.#admitWaiters();
  }

  cancel(waiter: GateWaiter): void {
    this.#waiting.delete(waiter);
  }

  setLimit(limit: number): void {
    this.#limit = limit;
    this.#admitWaiters();
  }

  #hasFreeWorker(): boolean {
    return this.#limit === 0 || this.#inService < this.#limit;
  }

  #admitWaiters(): void {
    while (this.#waiting.size > 0 && this.#hasFreeWorker()) {
      const next = this.#waiting.values().next().value as GateWaiter;
      this.#waiting.delete(next);
      this.#inService += 1;
      next.onAdmitted();
    }
  }
}
