import { describe, expect, it } from 'vitest';
import { nearestPointIndex } from './nearest-point';

describe('nearestPointIndex', () => {
  const points = [{ t: 0 }, { t: 10 }, { t: 20 }];
  it('picks the closest point in time, the earlier one on a tie, and clamps outside the range', () => {
    expect([-5, 4, 5, 6, 19, 99].map((t) => nearestPointIndex(points, t))).toEqual([0, 0, 0, 1, 2, 2]);
    expect(nearestPointIndex([], 3)).toBe(-1);
  });
});
