import { describe, expect, it } from 'vitest';
import type { ChartPoint } from './downsample';
import { mergeArmPoints } from './arm-points';

const pt = (t: number, v: number) => ({ t, v }) as ChartPoint;

describe('mergeArmPoints', () => {
  it("puts B's value beside A's in the same bucket, and keeps buckets only one arm has in time order", () => {
    expect(mergeArmPoints([pt(10, 1), pt(20, 2)], [pt(5, 9), pt(20, 8), pt(30, 7)])).toEqual([
      { t: 5, 'b:v': 9 },
      { t: 10, v: 1 },
      { t: 20, v: 2, 'b:v': 8 },
      { t: 30, 'b:v': 7 },
    ]);
  });

  it('returns A unchanged when B has nothing in the window', () => {
    const a = [pt(10, 1)];
    expect(mergeArmPoints(a, [])).toBe(a);
  });
});
