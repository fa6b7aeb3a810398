import { build, type Histogram } from 'hdr-histogram-js';
import type { HistogramBucket, LatencySummary, Percentiles } from '@poolscope/shared/snapshot';

/** Upper bounds of the acquire-wait histogram the dashboard draws; the last one catches the rest. */
export const WAIT_BUCKET_UPPER_MS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 60_000];

export type LatencyKind = keyof LatencySummary;

type SlotHistograms = Record<LatencyKind, Histogram>;

/**
 * Samples counted per histogram bucket on the hot path and handed to the HDR histogram at
 * take(): one hdr-histogram-js record costs ~200 ns (measured here, in a tight loop too), a
 * bucket count a few. The buckets are the histogram's own for 2 significant digits (values
 * under 256 µs exact, then 128 sub-buckets per power of two), and the largest value is
 * recorded as itself, so the histogram ends with exactly the counts and max it would have had
 * from every value recorded one by one.
 */
class PendingCounts {
  private readonly counts = new Float64Array(BUCKET_COUNT);
  /** Buckets counted since the last flush, so a flush visits only those. */
  private readonly touched: number[] = [];
  private maxUs = -1;
  /** Sum of every value since the last take: the mean, exactly, without walking the histogram. */
  sumUs = 0;

  add(valueUs: number): void {
    this.sumUs += valueUs;
    if (valueUs > this.maxUs) this.maxUs = valueUs;
    const bucket = bucketOf(valueUs);
    const before = this.counts[bucket]!;
    this.counts[bucket] = before + 1;
    if (before === 0) this.touched.push(bucket);
  }

  flush(histogram: Histogram): void {
    if (this.touched.length === 0) return;
    const maxBucket = bucketOf(this.maxUs);
    for (const bucket of this.touched) {
      let count = this.counts[bucket]!;
      this.counts[bucket] = 0;
      if (bucket === maxBucket) {
        histogram.recordValue(this.maxUs);
        count--;
      }
      if (count > 0) histogram.recordValueWithCount(lowestValueOf(bucket), count);
    }
    this.touched.length = 0;
    this.maxUs = -1;
  }
}

/** HDR's layout for 2 significant digits: 256 sub-buckets, the upper 128 reused per power of two. */
const SUB_BUCKETS = 256;
const HALF_SUB_BUCKETS = 128;
const HALF_SUB_BUCKET_BITS = 7;
/** Enough powers of two for 2^53 µs. */
const BUCKET_COUNT = SUB_BUCKETS + 53 * HALF_SUB_BUCKETS;

function bucketOf(valueUs: number): number {
  if (valueUs < SUB_BUCKETS) return valueUs;
  if (valueUs < 2 ** 31) {
    // Integer ops for every value a loan produces (under ~36 minutes).
    const shift = 31 - Math.clz32(valueUs) - HALF_SUB_BUCKET_BITS;
    return SUB_BUCKETS + (shift - 1) * HALF_SUB_BUCKETS + ((valueUs >>> shift) - HALF_SUB_BUCKETS);
  }
  const shift = Math.floor(Math.log2(valueUs)) - HALF_SUB_BUCKET_BITS;
  return SUB_BUCKETS + (shift - 1) * HALF_SUB_BUCKETS + (Math.floor(valueUs / 2 ** shift) - HALF_SUB_BUCKETS);
}

function lowestValueOf(bucket: number): number {
  if (bucket < SUB_BUCKETS) return bucket;
  const offset = bucket - SUB_BUCKETS;
  const shift = Math.floor(offset / HALF_SUB_BUCKETS) + 1;
  return (HALF_SUB_BUCKETS + (offset % HALF_SUB_BUCKETS)) * 2 ** shift;
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
  private readonly pending = newPendingCounts();
  private current = 0;
  /** The wait-bucket counts being filled, kept apart from `waitSlots[current]`: a plain field read per loan. */
  private currentWaitCounts: number[];

  constructor(readonly takesPerWindow = 1) {
    this.slots = Array.from({ length: takesPerWindow }, newSlot);
    this.waitSlots = Array.from({ length: takesPerWindow }, () => new Array<number>(WAIT_BUCKET_UPPER_MS.length).fill(0));
    this.sumSlots = Array.from({ length: takesPerWindow }, newSums);
    this.currentWaitCounts = this.waitSlots[0]!;
  }

  /** Any kind; the per-loan kinds (wait, hold, round trip) have their own methods below. */
  record(kind: LatencyKind, ms: number): void {
    this.pending[kind].add(toUs(ms));
  }

  // The hot kinds are named, not keyed: `pending[kind]` with a different kind from each
  // caller is a megamorphic keyed load, and was a third of an instrumented acquire + release.
  recordWait(ms: number): void {
    this.pending.acquireWaitMs.add(toUs(ms));
    this.currentWaitCounts[waitBucketOf(ms)]!++;
  }

  recordHold(ms: number): void {
    this.pending.holdMs.add(toUs(ms));
  }

  recordRtt(ms: number): void {
    this.pending.rttMs.add(toUs(ms));
  }

  take(): { latency: LatencySummary; waitHistogram: HistogramBucket[] } {
    const latency = {} as LatencySummary;
    const slot = this.slots[this.current] as SlotHistograms;
    const sums = this.sumSlots[this.current] as Record<LatencyKind, number>;
    for (const kind of LATENCY_KINDS) {
      const pending = this.pending[kind];
      pending.flush(slot[kind]);
      sums[kind] = pending.sumUs;
      pending.sumUs = 0;
    }
    for (const kind of LATENCY_KINDS) latency[kind] = summarize(this.mergedOf(kind), this.sumSlots.reduce((sum, s) => sum + s[kind], 0));
    const waitHistogram = WAIT_BUCKET_UPPER_MS.map((upToMs, i) => ({ upToMs, count: this.waitSlots.reduce((sum, slot) => sum + slot[i]!, 0) }));
    this.current = (this.current + 1) % this.takesPerWindow;
    const next = this.slots[this.current]!;
    this.currentWaitCounts = this.waitSlots[this.current]!;
    for (const kind of LATENCY_KINDS) next[kind].reset();
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

function newPendingCounts(): Record<LatencyKind, PendingCounts> {
  return {
    acquireWaitMs: new PendingCounts(), rttMs: new PendingCounts(), dialMs: new PendingCounts(),
    holdMs: new PendingCounts(), healthCheckMs: new PendingCounts(), lifespanMs: new PendingCounts(),
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
