import type { ChartPoint } from '../../lib/downsample';

type Px = (value: number) => number;

/** Pixel coordinates rounded to a tenth: shorter path strings, no visible difference. */
const r = (n: number) => Math.round(n * 10) / 10;

/** One series as an SVG path: a gap wherever a point lacks the key; straight or stepped (after) segments. */
export function linePath(points: readonly ChartPoint[], key: string, x: Px, y: Px, step = false): string {
  let d = '';
  let prevY = Number.NaN;
  for (const p of points) {
    const v = p[key];
    if (v === undefined || !Number.isFinite(v)) {
      prevY = Number.NaN;
      continue;
    }
    const px = r(x(p.t));
    const py = r(y(v));
    if (Number.isNaN(prevY)) d += `M${px},${py}`;
    else d += step ? `H${px}V${py}` : `L${px},${py}`;
    prevY = py;
  }
  return d;
}

/** Cumulative tops of stacked series, in the order given; a missing value stacks as zero. */
export function stackTops(points: readonly ChartPoint[], keys: readonly string[]): number[][] {
  const running = points.map(() => 0);
  return keys.map((key) =>
    points.map((p, i) => {
      const v = p[key];
      running[i] = (running[i] as number) + (v !== undefined && Number.isFinite(v) ? v : 0);
      return running[i] as number;
    }),
  );
}

/** The top edge of a stacked layer, for its stroke. */
export function edgePath(points: readonly ChartPoint[], tops: readonly number[], x: Px, y: Px): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(x(p.t))},${r(y(tops[i] as number))}`).join('');
}

/** The band between a layer's tops and the layer below it (or zero), closed for filling. */
export function bandPath(points: readonly ChartPoint[], tops: readonly number[], bottoms: readonly number[] | null, x: Px, y: Px): string {
  if (points.length === 0) return '';
  const lower: string[] = [];
  for (let i = points.length - 1; i >= 0; i -= 1) {
    lower.push(`L${r(x((points[i] as ChartPoint).t))},${r(y(bottoms ? (bottoms[i] as number) : 0))}`);
  }
  return `${edgePath(points, tops, x, y)}${lower.join('')}Z`;
}
