import type { ReadonlyRingBuffer } from './ring-buffer';

/** How one series folds the samples of a bucket into one point. */
export type Aggregate = 'mean' | 'max' | 'last';

export interface SeriesSpec<T> {
  key: string;
  get: (sample: T) => number;
  agg: Aggregate;
}

export type ChartPoint = { t: number } & Record<string, number>;

/**
 * Points per series. Recharts cost ~0.05-0.09 ms per point per series (docs/PERF-FACTS.md), which once
 * capped long windows at 80; the time charts are plain SVG now, where 150 points cost little,
 * and ~150 across a chart's width is about one point per 4 px.
 */
export const MAX_POINTS = 150;

/** Bucket width for a window: at least one sample period, rounded to whole 100 ms. */
export function bucketWidthMs(windowMs: number, maxPoints = MAX_POINTS): number {
  return Math.max(100, Math.ceil(windowMs / maxPoints / 100) * 100);
}

/**
 * Fold the samples in [from, to] into at most ~maxPoints buckets aligned to absolute time,
 * so a point does not jitter as the window slides. Latency series should use 'max' so a
 * spike survives the downsampling.
 */
export function bucketize<T extends { t: number }>(
  buffer: ReadonlyRingBuffer<T>,
  from: number,
  to: number,
  specs: readonly SeriesSpec<T>[],
  maxPoints = MAX_POINTS,
): ChartPoint[] {
  const points: ChartPoint[] = [];
  foldBuckets(
    buffer,
    buffer.lowerBound((s) => s.t, from),
    Number.POSITIVE_INFINITY,
    to,
    specs,
    bucketWidthMs(to - from, maxPoints),
    points,
  );
  return points;
}

/**
 * Append to `out` one point per bucket of `widthMs` for the samples from index `start` on, up to
 * (not including) time `before` and up to (including) time `to`. Buckets are aligned to absolute
 * time, so folding a window in pieces cut at bucket edges gives the points of folding it whole.
 */
export function foldBuckets<T extends { t: number }>(
  buffer: ReadonlyRingBuffer<T>,
  start: number,
  before: number,
  to: number,
  specs: readonly SeriesSpec<T>[],
  widthMs: number,
  out: ChartPoint[],
): void {
  const acc = new Array<number>(specs.length);
  const counts = new Array<number>(specs.length);
  let bucket = Number.NaN;

  const flush = () => {
    if (Number.isNaN(bucket)) return;
    const point = { t: bucket * widthMs } as ChartPoint;
    for (let j = 0; j < specs.length; j += 1) {
      const spec = specs[j] as SeriesSpec<T>;
      const n = counts[j] ?? 0;
      // A series with no finite value in the bucket gets no key: the chart shows a gap.
      if (n > 0) (point as Record<string, number>)[spec.key] = spec.agg === 'mean' ? (acc[j] ?? 0) / n : (acc[j] ?? 0);
    }
    out.push(point);
  };

  for (let i = start; i < buffer.length; i += 1) {
    const sample = buffer.at(i) as T;
    if (sample.t > to || sample.t >= before) break;
    const key = Math.floor(sample.t / widthMs);
    if (key !== bucket) {
      flush();
      bucket = key;
      acc.fill(0);
      counts.fill(0);
    }
    for (let j = 0; j < specs.length; j += 1) {
      const spec = specs[j] as SeriesSpec<T>;
      const value = spec.get(sample);
      if (!Number.isFinite(value)) continue;
      const seen = counts[j] ?? 0;
      if (spec.agg === 'mean') acc[j] = (acc[j] ?? 0) + value;
      else if (spec.agg === 'max') acc[j] = seen === 0 ? value : Math.max(acc[j] ?? value, value);
      else acc[j] = value;
      counts[j] = seen + 1;
    }
  }
  flush();
}
