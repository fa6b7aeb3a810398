import { performance } from 'node:perf_hooks';

/**
 * A link's request timeout, checked lazily: at most one Node timer per link, armed when a
 * request starts and none is armed (or the armed one is due too late), and otherwise left
 * alone. When it fires it looks at the request outstanding then: past its own deadline →
 * `onExpired`; still within it → armed again for what is left; none → stays unarmed.
 * Per request this is a clock read and a few field writes. Moving a Node timer per request
 * (setTimeout + clearTimeout, later `refresh()`) cost 0.2–0.6 µs on the echo hot path:
 * a Timeout object or a timer-list insert, and a call into libuv for its clock.
 */
export class RequestDeadline {
  private timer: NodeJS.Timeout | null = null;
  private timerDueAtMs = 0;
  private startedAtMs = 0;
  private timeoutMs = 0;
  private running = false;

  constructor(private readonly onExpired: (timeoutMs: number) => void) {}

  /** A request starts: `onExpired(timeoutMs)` runs timeoutMs from now unless `settled()` first. */
  start(timeoutMs: number): void {
    const nowMs = performance.now();
    this.startedAtMs = nowMs;
    this.timeoutMs = timeoutMs;
    this.running = true;
    const dueAtMs = nowMs + timeoutMs;
    if (this.timer !== null) {
      if (this.timerDueAtMs <= dueAtMs) return;
      clearTimeout(this.timer);
    }
    this.schedule(dueAtMs, nowMs);
  }

  /** The request ended (reply or error); a timer still armed will find nothing to expire. */
  settled(): void {
    this.running = false;
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(dueAtMs: number, nowMs: number): void {
    this.timerDueAtMs = dueAtMs;
    this.timer = setTimeout(this.fire, Math.max(1, Math.ceil(dueAtMs - nowMs)));
    // The socket keeps the process alive while a request is outstanding; this timer need not.
    this.timer.unref();
  }

  private readonly fire = (): void => {
    this.timer = null;
    if (!this.running) return;
    const nowMs = performance.now();
    const dueAtMs = this.startedAtMs + this.timeoutMs;
    if (nowMs < dueAtMs) return this.schedule(dueAtMs, nowMs);
    this.running = false;
    this.onExpired(this.timeoutMs);
  };
}
