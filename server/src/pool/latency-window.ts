import { build, type Histogram } from 'hdr-histogram-js';
import type { HistogramBucket, LatencySummary, Percentiles } from '@poolscope/shared/snapshot';

/** Upper bounds of the acquire-wait histogram the dashboard draws; the last one catches the rest. */
export const WAIT_BUCKET_UPPER_MS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 60_000];

export type LatencyKind = keyof LatencySummary;

type SlotHistograms = Record<LatencyKind, Histogram>;

/**
 * Runs of one value are counted and recorded once (recordValueWithCount): on the hot path most
 * samples repeat (every immediate acquire waits exactly 0; the coarse clock gives equal hold
 * times within a loop turn), and one HDR record costs more than the rest of an acquire.
 */
class PendingRun {
  value = -1;
  count = 0;
  /** Sum of every value recorded since the last take: the mean, exactly, without walking the histogram. */
  sumUs = 0;

  add(histogram: Histogram, value: number): void {
    this.sumUs += value;
    if (value === this.value) {
      this.count++;
      return;
    }
    this.flush(histogram);
    this.value = value;
    this.count = 1;
  }

  flush(histogram: Histogram): void {
    if (this.count > 0) histogram.recordValueWithCount(this.value, this.count);
    this.count = 0;
    this.value = -1;
  }
}

/**
 * HDR histograms (microsecond resolution, 2 significant digits) per latency kind. Each take()
 * summarizes the samples of the last `takesPerWindow` takes (1 = only those since the previous
 * take), so a 10 Hz reader can show percentiles over a steady one-second window.
 */
export class LatencyWindow {
  private readonly slots: SlotHistograms[];
  private readonly waitSlots: number[][];
  private readonly sumSlots: Record<LatencyKind, number>[];
  private readonly merged: SlotHistograms = newSlot();
  private readonly pending = newPendingRuns();
  private current = 0;
  /** The slot being filled, kept apart from `slots[current]` so the per-loan records are plain field reads. */
  private currentSlot: SlotHistograms;
  private currentWaitCounts: number[];

  constructor(readonly takesPerWindow = 1) {
    this.slots = Array.from({ length: takesPerWindow }, newSlot);
    this.waitSlots = Array.from({ length: takesPerWindow }, () => new Array<number>(WAIT_BUCKET_UPPER_MS.length).fill(0));
    this.sumSlots = Array.from({ length: takesPerWindow }, newSums);
    this.currentSlot = this.slots[0]!;
    this.currentWaitCounts = this.waitSlots[0]!;
  }

  /** Any kind; the per-loan kinds (wait, hold, round trip) have their own methods below. */
  record(kind: LatencyKind, ms: number): void {
    this.pending[kind].add(this.currentSlot[kind], toUs(ms));
  }

  // The hot kinds are named, not keyed: `pending[kind]` with a different kind from each
  // caller is a megamorphic keyed load, and was a third of an instrumented acquire + release.
  recordWait(ms: number): void {
    this.pending.acquireWaitMs.add(this.currentSlot.acquireWaitMs, toUs(ms));
    this.currentWaitCounts[waitBucketOf(ms)]!++;
  }

  recordHold(ms: number): void {
    this.pending.holdMs.add(this.currentSlot.holdMs, toUs(ms));
  }

  recordRtt(ms: number): void {
    this.pending.rttMs.add(this.currentSlot.rttMs, toUs(ms));
  }

  take(): { latency: LatencySummary; waitHistogram: HistogramBucket[] } {
    const latency = {} as LatencySummary;
    const slot = this.slots[this.current] as SlotHistograms;
    const sums = this.sumSlots[this.current] as Record<LatencyKind, number>;
    for (const kind of LATENCY_KINDS) {
      const run = this.pending[kind];
      run.flush(slot[kind]);
      sums[kind] = run.sumUs;
      run.sumUs = 0;
    }
    for (const kind of LATENCY_KINDS) latency[kind] = summarize(this.mergedOf(kind), this.sumSlots.reduce((sum, s) => sum + s[kind], 0));
    const waitHistogram = WAIT_BUCKET_UPPER_MS.map((upToMs, i) => ({ upToMs, count: this.waitSlots.reduce((sum, slot) => sum + slot[i]!, 0) }));
    this.current = (this.current + 1) % this.takesPerWindow;
    this.currentSlot = this.slots[this.current]!;
    this.currentWaitCounts = this.waitSlots[this.current]!;
    for (const kind of LATENCY_KINDS) this.currentSlot[kind].reset();
    this.currentWaitCounts.fill(0);
    return { latency, waitHistogram };
  }

  private mergedOf(kind: LatencyKind): Histogram {
    if (this.takesPerWindow === 1) return (this.slots[0] as SlotHistograms)[kind];
    const merged = this.merged[kind];
    merged.reset();
    for (const slot of this.slots) if (slot[kind].totalCount > 0) merged.add(slot[kind]);
    return merged;
  }
}

const LATENCY_KINDS: readonly LatencyKind[] = ['acquireWaitMs', 'rttMs', 'dialMs', 'holdMs', 'healthCheckMs', 'lifespanMs'];

function newSlot(): SlotHistograms {
  return {
    acquireWaitMs: newHistogram(), rttMs: newHistogram(), dialMs: newHistogram(),
    holdMs: newHistogram(), healthCheckMs: newHistogram(), lifespanMs: newHistogram(),
  };
}

function newPendingRuns(): Record<LatencyKind, PendingRun> {
  return {
    acquireWaitMs: new PendingRun(), rttMs: new PendingRun(), dialMs: new PendingRun(),
    holdMs: new PendingRun(), healthCheckMs: new PendingRun(), lifespanMs: new PendingRun(),
  };
}

function newHistogram(): Histogram {
  return build({ bitBucketSize: 32, numberOfSignificantValueDigits: 2, autoResize: true });
}

const toMs = (us: number) => Math.round(us) / 1000;

const toUs = (ms: number) => (ms > 0 ? Math.round(ms * 1000) : 0);

function waitBucketOf(ms: number): number {
  let bucket = 0;
  while (bucket < WAIT_BUCKET_UPPER_MS.length - 1 && ms > WAIT_BUCKET_UPPER_MS[bucket]!) bucket++;
  return bucket;
}

function newSums(): Record<LatencyKind, number> {
  return { acquireWaitMs: 0, rttMs: 0, dialMs: 0, holdMs: 0, healthCheckMs: 0, lifespanMs: 0 };
}

/** `histogram.mean` walks every recorded bucket (the slowest part of a take); the exact sum is kept instead. */
function summarize(histogram: Histogram, sumUs: number): Percentiles {
  const count = histogram.totalCount;
  const maxMs = toMs(histogram.maxValue);
  // HDR reports a bucket's upper edge for a percentile, which can exceed the exact max.
  const at = (percentile: number) => Math.min(toMs(histogram.getValueAtPercentile(percentile)), maxMs);
  const result: Percentiles = count === 0
    ? { p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0 }
    : {
        p50: at(50),
        p90: at(90),
        p99: at(99),
        max: maxMs,
        mean: toMs(sumUs / count),
        count,
      };
  return result;
}
