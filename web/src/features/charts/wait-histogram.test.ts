import { describe, expect, it } from 'vitest';
import type { Sample } from '../../lib/live-store';
import { RingBuffer } from '../../lib/ring-buffer';
import { histogramRows, recentHistogram } from './wait-histogram';

const BOUNDS = [1, 10, Number.POSITIVE_INFINITY];

/** Samples as the lab sends them: each one's histogram covers the trailing second, not its own tick. */
function samplesEvery(intervalMs: number, seconds: number, waitsPerSecond: number, jitterMs = 0): RingBuffer<Sample> {
  const buffer = new RingBuffer<Sample>(9000);
  for (let t = 0; t <= seconds * 1000; t += intervalMs) {
    const jitter = jitterMs === 0 ? 0 : ((t / intervalMs) % 3) * jitterMs - jitterMs;
    buffer.push({ t: t + jitter, waitCounts: [waitsPerSecond, 0, 0], waitBounds: BOUNDS } as unknown as Sample);
  }
  return buffer;
}

const total = (buckets: { count: number }[]) => buckets.reduce((sum, b) => sum + b.count, 0);

describe('recentHistogram', () => {
  it('counts each wait of the last 10 s once from a 10 Hz stream of one-second windows (it counted each ten times)', () => {
    // 100 waits a second for 30 s: the last 10 s hold 1,000 waits.
    expect(total(recentHistogram(samplesEvery(100, 30, 100), 30_000))).toBe(1000);
  });

  it('counts the same from the history, one sample a second, and with a few ms of tick jitter', () => {
    expect(total(recentHistogram(samplesEvery(1000, 30, 100), 30_000))).toBe(1000);
    // Jitter can move the 10 s edge by one window, never multiply the count.
    const jittered = total(recentHistogram(samplesEvery(100, 30, 100, 7), 30_000));
    expect(jittered).toBeGreaterThanOrEqual(900);
    expect(jittered).toBeLessThanOrEqual(1100);
  });

  it('keeps the buckets apart and ignores samples after `now`', () => {
    const buckets = recentHistogram(samplesEvery(100, 30, 100), 15_000);
    expect(buckets).toEqual([
      { upToMs: 1, count: 1000 },
      { upToMs: 10, count: 0 },
      { upToMs: Number.POSITIVE_INFINITY, count: 0 },
    ]);
  });
});

describe('histogramRows', () => {
  it("puts arm B's counts beside A's, bucket by bucket, only when B is given", () => {
    const a = samplesEvery(100, 30, 100);
    const b = samplesEvery(100, 30, 40);
    expect(histogramRows(a, null, 30_000, 'more')).toEqual([
      { label: '≤1ms', count: 1000 },
      { label: '≤10ms', count: 0 },
      { label: 'more', count: 0 },
    ]);
    expect(histogramRows(a, b, 30_000, 'more')).toEqual([
      { label: '≤1ms', count: 1000, countB: 400 },
      { label: '≤10ms', count: 0, countB: 0 },
      { label: 'more', count: 0, countB: 0 },
    ]);
  });
});
