import type { HistogramBucket, LatencySummary } from '@poolscope/shared/snapshot';
import { BucketWindow } from './latency-buckets';

/** Upper bounds of the acquire-wait histogram the dashboard draws; the last one catches the rest. */
export const WAIT_BUCKET_UPPER_MS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 60_000];

export type LatencyKind = keyof LatencySummary;

/**
 * Latency percentiles (microsecond resolution, 2 significant digits) per latency kind. Each
 * take() summarizes the samples of the last `takesPerWindow` takes (1 = only those since the
 * previous take), so a 10 Hz reader can show percentiles over a steady one-second window.
 */
export class LatencyWindow {
  private readonly kinds: Record<LatencyKind, BucketWindow>;
  private readonly waitSlots: number[][];
  private current = 0;
  /** The wait-bucket counts being filled, kept apart from `waitSlots[current]`: a plain field read per loan. */
  private currentWaitCounts: number[];
  // The per-loan kinds in fields of their own: `kinds[kind]` with a different kind from each
  // caller is a megamorphic keyed load, and was a third of an instrumented acquire + release.
  private readonly wait: BucketWindow;
  private readonly hold: BucketWindow;
  private readonly rtt: BucketWindow;
  /** Every wait since the pool started, per bucket, for /metrics' histogram (a Prometheus histogram only ever grows). */
  private readonly waitCountsSinceStart = new Array<number>(WAIT_BUCKET_UPPER_MS.length).fill(0);
  private waitSumMsSinceStart = 0;

  constructor(readonly takesPerWindow = 1) {
    const window = () => new BucketWindow(takesPerWindow);
    this.kinds = {
      acquireWaitMs: window(),
      rttMs: window(),
      dialMs: window(),
      holdMs: window(),
      healthCheckMs: window(),
      lifespanMs: window(),
    };
    this.wait = this.kinds.acquireWaitMs;
    this.hold = this.kinds.holdMs;
    this.rtt = this.kinds.rttMs;
    this.waitSlots = Array.from({ length: takesPerWindow }, () => new Array<number>(WAIT_BUCKET_UPPER_MS.length).fill(0));
    this.currentWaitCounts = this.waitSlots[0]!;
  }

  /** Any kind; the per-loan kinds (wait, hold, round trip) have their own methods below. */
  record(kind: LatencyKind, ms: number): void {
    this.kinds[kind].add(toUs(ms));
  }

  recordWait(ms: number): void {
    this.wait.add(toUs(ms));
    this.currentWaitCounts[waitBucketOf(ms)]!++;
    this.waitSumMsSinceStart += ms;
  }

  recordHold(ms: number): void {
    this.hold.add(toUs(ms));
  }

  recordRtt(ms: number): void {
    this.rtt.add(toUs(ms));
  }

  waitTotals(): WaitTotals {
    return {
      countsByBucket: this.waitCountsSinceStart.map((count, i) => count + this.currentWaitCounts[i]!),
      sumMs: this.waitSumMsSinceStart,
    };
  }

  take(): { latency: LatencySummary; waitHistogram: HistogramBucket[] } {
    const latency = {} as LatencySummary;
    for (const kind of LATENCY_KINDS) latency[kind] = this.kinds[kind].take();
    const waitHistogram = WAIT_BUCKET_UPPER_MS.map((upToMs, i) => ({
      upToMs,
      count: this.waitSlots.reduce((sum, slot) => sum + slot[i]!, 0),
    }));
    for (let i = 0; i < WAIT_BUCKET_UPPER_MS.length; i++) this.waitCountsSinceStart[i]! += this.currentWaitCounts[i]!;
    this.current = (this.current + 1) % this.takesPerWindow;
    this.currentWaitCounts = this.waitSlots[this.current]!;
    this.currentWaitCounts.fill(0);
    return { latency, waitHistogram };
  }
}

/** Cumulative since start (including waits not yet taken into a window): per-bucket counts, not summed across buckets. */
export interface WaitTotals {
  countsByBucket: number[];
  sumMs: number;
}

const LATENCY_KINDS: readonly LatencyKind[] = ['acquireWaitMs', 'rttMs', 'dialMs', 'holdMs', 'healthCheckMs', 'lifespanMs'];

const toUs = (ms: number) => (ms > 0 ? Math.round(ms * 1000) : 0);

function waitBucketOf(ms: number): number {
  let bucket = 0;
  while (bucket < WAIT_BUCKET_UPPER_MS.length - 1 && ms > WAIT_BUCKET_UPPER_MS[bucket]!) bucket++;
  return bucket;
}
