import type { Percentiles } from '@poolscope/shared/snapshot';

/**
 * One latency kind over a sliding window of takes, as counts per bucket in the layout of an
 * HDR histogram with 2 significant digits (values under 256 µs exact, then 128 sub-buckets per
 * power of two), with HDR's percentile rule: the test checks every summary against
 * hdr-histogram-js fed the same values. Written here because the library was the instrumented
 * hot path's largest cost: ~200 ns per recorded value, and 1–1.5 ms per 10 Hz take merging ten
 * auto-resized slots (its slow path, Math.pow per bucket). Here a value is a bucket count, a
 * take adds the new slot's touched buckets to the window and subtracts the expired slot's.
 */
export class BucketWindow {
  /** The take being filled. */
  private readonly pending = new Float64Array(BUCKET_COUNT);
  private pendingTouched: number[] = [];
  private pendingMaxUs = -1;
  private pendingSumUs = 0;
  /** Finished takes, a ring: the buckets each touched and their counts. */
  private readonly slotBuckets: number[][];
  private readonly slotCounts: number[][];
  private readonly slotMaxUs: number[];
  private readonly slotSumUs: number[];
  private current = 0;
  /** The sum of the finished takes in view. */
  private readonly window = new Float64Array(BUCKET_COUNT);
  private windowCount = 0;
  private windowSumUs = 0;

  constructor(readonly takesPerWindow: number) {
    this.slotBuckets = Array.from({ length: takesPerWindow }, () => []);
    this.slotCounts = Array.from({ length: takesPerWindow }, () => []);
    this.slotMaxUs = new Array<number>(takesPerWindow).fill(-1);
    this.slotSumUs = new Array<number>(takesPerWindow).fill(0);
  }

  /** A non-negative integer number of microseconds. */
  add(valueUs: number): void {
    this.pendingSumUs += valueUs;
    if (valueUs > this.pendingMaxUs) this.pendingMaxUs = valueUs;
    const bucket = bucketOf(valueUs);
    const before = this.pending[bucket]!;
    this.pending[bucket] = before + 1;
    if (before === 0) this.pendingTouched.push(bucket);
  }

  /** Ends the take being filled: it joins the window and the oldest take leaves it. Summarizes the window. */
  take(): Percentiles {
    const slot = this.current;
    this.leaveWindow(slot);
    const buckets = this.pendingTouched;
    const counts = buckets.map((bucket) => this.pending[bucket]!);
    for (let i = 0; i < buckets.length; i++) {
      const bucket = buckets[i]!;
      this.window[bucket] = this.window[bucket]! + counts[i]!;
      this.windowCount += counts[i]!;
      this.pending[bucket] = 0;
    }
    this.slotBuckets[slot] = buckets;
    this.slotCounts[slot] = counts;
    this.slotMaxUs[slot] = this.pendingMaxUs;
    this.slotSumUs[slot] = this.pendingSumUs;
    this.windowSumUs += this.pendingSumUs;
    this.pendingTouched = [];
    this.pendingMaxUs = -1;
    this.pendingSumUs = 0;
    this.current = (slot + 1) % this.takesPerWindow;
    return this.summarize();
  }

  private leaveWindow(slot: number): void {
    const buckets = this.slotBuckets[slot]!;
    const counts = this.slotCounts[slot]!;
    for (let i = 0; i < buckets.length; i++) {
      const bucket = buckets[i]!;
      this.window[bucket] = this.window[bucket]! - counts[i]!;
      this.windowCount -= counts[i]!;
    }
    this.windowSumUs -= this.slotSumUs[slot]!;
  }

  private summarize(): Percentiles {
    const count = this.windowCount;
    if (count === 0) {
      this.windowSumUs = 0; // no drift from adding and subtracting sums
      return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0 };
    }
    const maxUs = Math.max(...this.slotMaxUs);
    const [p50Us, p90Us, p99Us] = percentilesUs(this.window, count, bucketOf(maxUs), [50, 90, 99]);
    // A bucket's upper edge can exceed the exact max.
    const at = (us: number) => toMs(Math.min(us, maxUs));
    return { p50: at(p50Us!), p90: at(p90Us!), p99: at(p99Us!), max: toMs(maxUs), mean: toMs(this.windowSumUs / count), count };
  }
}

const SUB_BUCKETS = 256;
const HALF_SUB_BUCKETS = 128;
const HALF_SUB_BUCKET_BITS = 7;
/** Enough powers of two for 2^53 µs. */
const BUCKET_COUNT = SUB_BUCKETS + 53 * HALF_SUB_BUCKETS;

export function bucketOf(valueUs: number): number {
  if (valueUs < SUB_BUCKETS) return valueUs;
  if (valueUs < 2 ** 31) {
    // Integer ops for every value a loan produces (under ~36 minutes).
    const shift = 31 - Math.clz32(valueUs) - HALF_SUB_BUCKET_BITS;
    return SUB_BUCKETS + (shift - 1) * HALF_SUB_BUCKETS + ((valueUs >>> shift) - HALF_SUB_BUCKETS);
  }
  const shift = Math.floor(Math.log2(valueUs)) - HALF_SUB_BUCKET_BITS;
  return SUB_BUCKETS + (shift - 1) * HALF_SUB_BUCKETS + (Math.floor(valueUs / 2 ** shift) - HALF_SUB_BUCKETS);
}

/** The highest value a bucket holds (HDR's highestEquivalentValue). */
export function highestValueOf(bucket: number): number {
  if (bucket < SUB_BUCKETS) return bucket;
  const offset = bucket - SUB_BUCKETS;
  const shift = Math.floor(offset / HALF_SUB_BUCKETS) + 1;
  return (HALF_SUB_BUCKETS + (offset % HALF_SUB_BUCKETS) + 1) * 2 ** shift - 1;
}

/**
 * HDR's getValueAtPercentile for ascending percentiles in one walk: the first bucket at which
 * the running count reaches ceil(p% of count) (less one ulp of slack, as HDR does), as its highest value.
 */
function percentilesUs(counts: Float64Array, total: number, lastBucket: number, percentiles: number[]): number[] {
  const results: number[] = [];
  let running = 0;
  let next = 0;
  let needed = countAt(percentiles[0]!, total);
  for (let bucket = 0; bucket <= lastBucket && next < percentiles.length; bucket++) {
    running += counts[bucket]!;
    while (next < percentiles.length && running >= needed) {
      results.push(highestValueOf(bucket));
      next++;
      if (next < percentiles.length) needed = countAt(percentiles[next]!, total);
    }
  }
  while (results.length < percentiles.length) results.push(highestValueOf(lastBucket));
  return results;
}

function countAt(percentile: number, total: number): number {
  const fpCount = (percentile / 100) * total;
  return Math.max(Math.ceil(fpCount - ulp(fpCount)), 1);
}

function ulp(value: number): number {
  return value === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(value))) - 52);
}

const toMs = (us: number) => Math.round(us) / 1000;
