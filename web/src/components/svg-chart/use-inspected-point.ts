import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { ChartPoint } from '../../lib/downsample';
import { nearestPointIndex } from './nearest-point';

const STEP_KEYS: Record<string, (index: number, last: number) => number> = {
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowRight: (i, last) => Math.min(last, i + 1),
  Home: () => 0,
  End: (_, last) => last,
};

/**
 * The point under the pointer, or chosen with the arrow keys while the chart has focus. Kept
 * as a time, not an index, so it stays on the same moment while the window slides.
 */
export function useInspectedPoint(points: readonly ChartPoint[], timeAt: (px: number) => number) {
  const [t, setT] = useState<number | null>(null);
  const index = t === null ? -1 : nearestPointIndex(points, t);
  const pick = (i: number) => setT(points[i]?.t ?? null);
  return {
    point: index < 0 ? null : (points[index] as ChartPoint),
    handlers: {
      onPointerMove: (e: PointerEvent<SVGSVGElement>) =>
        pick(nearestPointIndex(points, timeAt(e.clientX - e.currentTarget.getBoundingClientRect().left))),
      onPointerLeave: () => setT(null),
      onFocus: () => pick(points.length - 1),
      onBlur: () => setT(null),
      onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => {
        const step = STEP_KEYS[e.key];
        if (!step || points.length === 0) return;
        e.preventDefault();
        pick(step(index < 0 ? points.length - 1 : index, points.length - 1));
      },
    },
  };
}
