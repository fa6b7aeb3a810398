import { bucketWidthMs, foldBuckets, MAX_POINTS, type ChartPoint, type SeriesSpec } from './downsample';
import type { ReadonlyRingBuffer } from './ring-buffer';

const byTime = (s: { t: number }) => s.t;
/** The memo holds the whole buckets of this many windows. */
const MEMO_WINDOWS = 4;

/**
 * `bucketize` for a window that slides over a ring buffer, at the cost of the samples that came
 * since the last call instead of the whole window: a bucket whose samples all lie inside the
 * window and behind its end cannot change (samples are only appended, in time order), so its
 * point is kept and reused. Only the partial bucket at each edge is folded again. At the
 * 15-minute window that is ~180 samples per arm per redraw instead of 9,000 (the fold was the
 * largest part of a chart's turn with two arms; docs/BENCHMARKS.md, "Profile of a comparison at a full window").
 * The points equal `bucketize`'s for the same arguments; a cleared buffer (history, restart,
 * seek), other series, another bucket width or a window that moved back start it afresh, except
 * that a whole bucket refilled with the very same sample objects (a recording's seek restores the
 * window from samples the player made once) takes its point from a memo instead of a fold.
 */
export class BucketCache<T extends { t: number }> {
  private buffer: ReadonlyRingBuffer<T> | null = null;
  private epoch = -1;
  private specs: readonly SeriesSpec<T>[] | null = null;
  private widthMs = 0;
  /** Points of the whole buckets [firstBucket, endBucket), in time order (an empty bucket has none). */
  private kept: ChartPoint[] = [];
  private firstBucket = 0;
  private endBucket = 0;
  /**
   * Whole buckets' points by bucket number, with the samples folded into them. Bounded (oldest
   * entry out first) so a live stream, whose samples are never seen again, holds a constant few
   * hundred old samples through it rather than all of them.
   */
  private readonly memo = new Map<number, { first: T; last: T; count: number; point: ChartPoint }>();

  points(buffer: ReadonlyRingBuffer<T>, from: number, to: number, specs: readonly SeriesSpec<T>[], maxPoints = MAX_POINTS): ChartPoint[] {
    const widthMs = bucketWidthMs(to - from, maxPoints);
    const oldest = buffer.at(0);
    // A bucket can be kept once it starts inside the window, after the oldest sample still held
    // (none of its samples dropped off the ring), and ends at or before `to` (every sample still
    // to come is later than the snapshot on screen).
    const first = Math.max(Math.ceil(from / widthMs), oldest === undefined ? Number.NEGATIVE_INFINITY : Math.floor(oldest.t / widthMs) + 1);
    const end = Math.floor(to / widthMs);
    const stale =
      buffer !== this.buffer ||
      buffer.epoch !== this.epoch ||
      specs !== this.specs ||
      widthMs !== this.widthMs ||
      first < this.firstBucket ||
      // The window's end moved back past buckets kept as whole.
      (end < this.endBucket && this.endBucket > this.firstBucket);
    if (stale) {
      if (specs !== this.specs || widthMs !== this.widthMs) this.memo.clear();
      this.buffer = buffer;
      this.epoch = buffer.epoch;
      this.specs = specs;
      this.widthMs = widthMs;
      this.kept = [];
      this.firstBucket = this.endBucket = first;
    }
    if (first > this.firstBucket) {
      const startMs = first * widthMs;
      let drop = 0;
      while (drop < this.kept.length && (this.kept[drop] as ChartPoint).t < startMs) drop += 1;
      this.kept.splice(0, drop);
      this.firstBucket = first;
      this.endBucket = Math.max(this.endBucket, first);
    }
    if (end > this.endBucket) {
      this.keepWholeBuckets(buffer, end, to, specs, widthMs, maxPoints);
      this.endBucket = end;
    }
    const out: ChartPoint[] = [];
    foldBuckets(buffer, buffer.lowerBound(byTime, from), this.firstBucket * widthMs, to, specs, widthMs, out);
    for (const point of this.kept) out.push(point);
    foldBuckets(buffer, buffer.lowerBound(byTime, this.endBucket * widthMs), Number.POSITIVE_INFINITY, to, specs, widthMs, out);
    return out;
  }

  /** Append the points of the whole buckets [endBucket, end) to `kept`, folding only those not in the memo. */
  private keepWholeBuckets(
    buffer: ReadonlyRingBuffer<T>,
    end: number,
    to: number,
    specs: readonly SeriesSpec<T>[],
    widthMs: number,
    maxPoints: number,
  ): void {
    let index = buffer.lowerBound(byTime, this.endBucket * widthMs);
    while (index < buffer.length) {
      const first = buffer.at(index) as T;
      // Empty buckets have no point: go straight to the bucket of the next sample.
      const bucket = Math.floor(first.t / widthMs);
      if (bucket >= end) return;
      const next = buffer.lowerBound(byTime, (bucket + 1) * widthMs);
      const last = buffer.at(next - 1) as T;
      const count = next - index;
      const hit = this.memo.get(bucket);
      if (hit !== undefined && hit.first === first && hit.last === last && hit.count === count) {
        this.kept.push(hit.point);
      } else {
        foldBuckets(buffer, index, (bucket + 1) * widthMs, to, specs, widthMs, this.kept);
        this.memo.delete(bucket);
        this.memo.set(bucket, { first, last, count, point: this.kept[this.kept.length - 1] as ChartPoint });
        if (this.memo.size > MEMO_WINDOWS * maxPoints) this.memo.delete(this.memo.keys().next().value as number);
      }
      index = next;
    }
  }
}
