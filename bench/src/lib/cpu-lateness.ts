import { percentile } from './stats';

/**
 * Event-loop lateness in CPU time: a timer fires every `intervalMs` and notes the process CPU
 * spent since it last fired. A synchronous block of B ms delays the next firing by B on a core of
 * its own and shows here as at least B, however long the scheduler kept the process off the core
 * meanwhile; so the p99 is an upper bound on the lateness the same work would cause on a quiet
 * machine (it also counts the interval's small callbacks and the process's other threads).
 */
export class CpuLateness {
  private readonly spentMs: number[] = [];
  private timer: NodeJS.Timeout | null = null;
  private last = process.cpuUsage();

  constructor(private readonly intervalMs = 5) {}

  start(): void {
    this.spentMs.length = 0;
    this.last = process.cpuUsage();
    const fire = () => {
      const spent = process.cpuUsage(this.last);
      this.last = process.cpuUsage();
      this.spentMs.push((spent.user + spent.system) / 1000);
      this.timer = setTimeout(fire, this.intervalMs);
    };
    this.timer = setTimeout(fire, this.intervalMs);
  }

  /** Stops the probe; the p99 of CPU ms between firings. */
  stop(): number {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return percentile(this.spentMs, 99);
  }
}
