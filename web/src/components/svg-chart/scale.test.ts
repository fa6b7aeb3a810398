import { describe, expect, it } from 'vitest';
import { linearScale, niceStep, timeTicks, valueTicks } from './scale';

describe('chart scales', () => {
  it('maps a domain onto pixels, inverted for a y axis', () => {
    const y = linearScale(0, 10, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(5)).toBe(100);
  });

  it('rounds steps to 1, 2 or 5 times a power of ten', () => {
    expect([0.3, 1.2, 3, 7, 45].map(niceStep)).toEqual([0.5, 2, 5, 10, 50]);
  });

  it('ends value ticks at a round top at or above the maximum, whole steps only', () => {
    expect(valueTicks(9)).toEqual([0, 5, 10]);
    expect(valueTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(valueTicks(0.4)).toEqual([0, 1]);
    expect(valueTicks(0)).toEqual([0, 1]);
  });

  it('puts time ticks on clock-aligned steps wide enough apart', () => {
    const from = 1_000_000_000; // a whole 10 s
    expect(timeTicks(from, from + 60_000, 600)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000].map((d) => from + d));
    expect(timeTicks(from + 1, from + 900_000, 600).length).toBeLessThanOrEqual(7);
  });
});
