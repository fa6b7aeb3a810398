/**
 * A link's request timeout: one Node timer for the link's life, re-armed per request with
 * `refresh()`. A setTimeout + clearTimeout per request cost ~0.6 µs on the echo hot path (a
 * new Timeout, an async id, the timer-list lookup); refresh reuses the object. A settled
 * request leaves the timer armed rather than clearing it: when it fires with nothing
 * outstanding, `onExpired` finds nothing to time out. The next request moves it forward.
 */
export class RequestDeadline {
  private timer: NodeJS.Timeout | null = null;
  private armedForMs = 0;

  constructor(private readonly onExpired: (timeoutMs: number) => void) {}

  /** Fires `onExpired(timeoutMs)` timeoutMs from now unless re-armed or stopped first. */
  arm(timeoutMs: number): void {
    if (this.timer !== null && this.armedForMs === timeoutMs) {
      this.timer.refresh();
      return;
    }
    this.stop();
    this.armedForMs = timeoutMs;
    this.timer = setTimeout(() => this.onExpired(this.armedForMs), timeoutMs);
    // The socket keeps the process alive while a request is outstanding; this timer need not.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
