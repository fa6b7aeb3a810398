import { describe, expect, it } from 'vitest';
import type { ChartPoint } from '../../lib/downsample';
import { bandPath, edgePath, linePath, stackTops } from './paths';

const identity = (v: number) => v;
const points: ChartPoint[] = [{ t: 0, a: 1, b: 2 }, { t: 10, a: 3 } as ChartPoint, { t: 20, a: 2, b: 1 }];

describe('chart paths', () => {
  it('breaks a line where a point has no value for the series', () => {
    expect(linePath(points, 'a', identity, identity)).toBe('M0,1L10,3L20,2');
    expect(linePath(points, 'b', identity, identity)).toBe('M0,2M20,1');
  });

  it('draws a stepped line as horizontal-then-vertical segments', () => {
    expect(linePath(points, 'a', identity, identity, true)).toBe('M0,1H10V3H20V2');
  });

  it('stacks layers cumulatively, a missing value counting as zero', () => {
    expect(stackTops(points, ['a', 'b'])).toEqual([
      [1, 3, 2],
      [3, 3, 3],
    ]);
  });

  it('closes a band along the layer below, right to left', () => {
    const [lower, upper] = stackTops(points, ['a', 'b']) as [number[], number[]];
    expect(edgePath(points, upper, identity, identity)).toBe('M0,3L10,3L20,3');
    expect(bandPath(points, upper, lower, identity, identity)).toBe('M0,3L10,3L20,3L20,2L10,3L0,1Z');
    expect(bandPath(points, lower, null, identity, identity)).toBe('M0,1L10,3L20,2L20,0L10,0L0,0Z');
  });
});
