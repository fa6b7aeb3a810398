import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';
import { bucketWidthMs, bucketize, type SeriesSpec } from './downsample';

interface S {
  t: number;
  v: number;
}
const specs: SeriesSpec<S>[] = [
  { key: 'mean', get: (s) => s.v, agg: 'mean' },
  { key: 'max', get: (s) => s.v, agg: 'max' },
  { key: 'last', get: (s) => s.v, agg: 'last' },
];

function filled(count: number, periodMs = 100): RingBuffer<S> {
  const ring = new RingBuffer<S>(9000);
  for (let i = 0; i < count; i += 1) ring.push({ t: i * periodMs, v: i % 10 });
  return ring;
}

describe('bucketize', () => {
  it('keeps a 15-minute window at 10 Hz (9,000 samples) to at most ~150 points', () => {
    const ring = filled(9000);
    const points = bucketize(ring, 0, 900_000, specs);
    expect(points.length).toBeLessThanOrEqual(151);
    expect(points.length).toBeGreaterThan(140);
  });

  it('keeps a 1-minute window at 10 Hz to at most ~150 points', () => {
    const ring = filled(600);
    const points = bucketize(ring, 0, 60_000, specs);
    expect(points.length).toBeLessThanOrEqual(151);
    expect(points.length).toBeGreaterThan(140);
  });

  it('folds each bucket by mean, max and last', () => {
    const ring = filled(20); // v = 0..9, 0..9
    const points = bucketize(ring, 0, 2000, specs, 2); // width 1000 ms -> two buckets of 10
    expect(points).toHaveLength(2);
    expect(points[0]).toEqual({ t: 0, mean: 4.5, max: 9, last: 9 });
    expect(points[1]?.t).toBe(1000);
  });

  it('keeps a latency spike that a mean would hide', () => {
    const ring = new RingBuffer<S>(100);
    for (let i = 0; i < 60; i += 1) ring.push({ t: i * 100, v: i === 33 ? 500 : 1 });
    const points = bucketize(ring, 0, 6000, specs, 3);
    expect(Math.max(...points.map((p) => p.max ?? 0))).toBe(500);
  });

  it('ignores samples outside the window', () => {
    const ring = filled(100);
    const points = bucketize(ring, 5000, 6000, specs, 1000);
    expect(points[0]?.t).toBe(5000);
    expect(points.at(-1)?.t).toBe(6000);
    expect(points).toHaveLength(11);
  });

  it('uses buckets of at least one sample period', () => {
    expect(bucketWidthMs(1000)).toBe(100);
    expect(bucketWidthMs(60_000)).toBe(400);
    expect(bucketWidthMs(900_000)).toBe(6000);
    expect(bucketWidthMs(900_000, 80)).toBe(11_300);
  });
});

describe('bucketize gaps', () => {
  it('leaves a series out of a bucket where it had no finite value (a gap, not a zero)', () => {
    const ring = new RingBuffer<S>(10);
    ring.push({ t: 0, v: Number.NaN });
    ring.push({ t: 100, v: 4 });
    const points = bucketize(ring, 0, 200, [{ key: 'v', get: (s) => s.v, agg: 'last' }], 1000);
    expect(points).toEqual([{ t: 0 }, { t: 100, v: 4 }]);
  });
});
