import type { ChartPoint } from '../../lib/downsample';

/** Index of the point nearest in time to `t` (points sorted by time), or -1 when there are none. */
export function nearestPointIndex(points: readonly ChartPoint[], t: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((points[mid] as ChartPoint).t < t) lo = mid + 1;
    else hi = mid;
  }
  const before = points[lo - 1];
  return before && t - before.t <= (points[lo] as ChartPoint).t - t ? lo - 1 : lo;
}
