import type { ChartPoint } from './downsample';

/** The key arm B's copy of a series is drawn under. */
export const bKey = (key: string): string => `b:${key}`;

/**
 * Arm B's bucketed points folded into arm A's (B's keys prefixed by `bKey`). Both were bucketed
 * on the same absolute-time grid, so equal `t` means the same bucket; a bucket only one arm has
 * keeps its place in time.
 */
export function mergeArmPoints(a: readonly ChartPoint[], b: readonly ChartPoint[]): ChartPoint[] {
  if (b.length === 0) return a as ChartPoint[];
  const out: ChartPoint[] = [];
  let j = 0;
  const addB = (target: Record<string, number>, p: ChartPoint) => {
    for (const key of Object.keys(p)) if (key !== 't') target[bKey(key)] = p[key] as number;
  };
  for (const p of a) {
    while (j < b.length && (b[j] as ChartPoint).t < p.t) {
      const lone = { t: (b[j] as ChartPoint).t } as ChartPoint;
      addB(lone, b[j++] as ChartPoint);
      out.push(lone);
    }
    const merged = { ...p };
    if (j < b.length && (b[j] as ChartPoint).t === p.t) addB(merged, b[j++] as ChartPoint);
    out.push(merged);
  }
  for (; j < b.length; j += 1) {
    const lone = { t: (b[j] as ChartPoint).t } as ChartPoint;
    addB(lone, b[j] as ChartPoint);
    out.push(lone);
  }
  return out;
}
