import { build } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { LatencyWindow } from './latency-window';

describe('LatencyWindow', () => {
  it('summarizes only the samples since the previous take by default', () => {
    const window = new LatencyWindow();
    window.record('rttMs', 5);
    expect(window.take().latency.rttMs.count).toBe(1);
    expect(window.take().latency.rttMs.count).toBe(0);
  });

  it('with takesPerWindow = 3 keeps a sample in view for three takes, then forgets it', () => {
    const window = new LatencyWindow(3);
    window.record('rttMs', 5);
    window.recordWait(30);
    expect(window.take().latency.rttMs.count).toBe(1);
    window.record('rttMs', 50);
    const second = window.take();
    expect(second.latency.rttMs).toMatchObject({ count: 2, max: 50 });
    expect(second.waitHistogram.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(1);
    expect(window.take().latency.rttMs.count).toBe(2);
    expect(window.take().latency.rttMs).toMatchObject({ count: 1, max: 50 });
    expect(window.take().latency.rttMs.count).toBe(0);
  });

  it('never reports a percentile above the max', () => {
    const window = new LatencyWindow();
    for (let i = 0; i < 100; i++) window.record('rttMs', 3.461);
    const { p99, max } = window.take().latency.rttMs;
    expect(p99).toBeLessThanOrEqual(max);
  });

  it('summarizes exactly as hdr-histogram-js fed the same values would (one take, 0 µs to ~3 hours)', () => {
    const window = new LatencyWindow();
    const next = seededRandom(12345);
    // The bucket edges themselves, past 2^31 µs too, then values spread over every magnitude.
    const valuesUs = [0, 1, 255, 256, 257, 511, 512, 513, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 7, 1e10];
    for (let i = 0; i < 5000; i++) valuesUs.push(Math.floor(Math.exp(next() * Math.log(1e10))));
    for (const us of valuesUs) window.record('lifespanMs', us / 1000);
    expect(window.take().latency.lifespanMs).toEqual(referenceSummary(valuesUs));
  });

  it('over a sliding window of takes, summarizes exactly the takes in view, as hdr-histogram-js would', () => {
    const window = new LatencyWindow(3);
    const next = seededRandom(99);
    const takes: number[][] = [];
    for (let take = 0; take < 7; take++) {
      // Few values in some takes (where rounding of the percentile count matters), none in one.
      const size = [100, 3, 0, 1000, 7, 250, 2][take]!;
      const valuesUs = Array.from({ length: size }, () => Math.floor(next() * 50_000 * (take + 1)));
      takes.push(valuesUs);
      for (const us of valuesUs) window.recordRtt(us / 1000);
      const inView = takes.slice(-3).flat();
      expect(window.take().latency.rttMs, `take ${take}`).toEqual(referenceSummary(inView));
    }
  });
});

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** What the window reported when it recorded into hdr-histogram-js directly. */
function referenceSummary(valuesUs: number[]) {
  if (valuesUs.length === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0 };
  const reference = build({ bitBucketSize: 32, numberOfSignificantValueDigits: 2, autoResize: true });
  for (const us of valuesUs) reference.recordValue(us);
  const toMs = (us: number) => Math.round(us) / 1000;
  const maxMs = toMs(reference.maxValue);
  const at = (percentile: number) => Math.min(toMs(reference.getValueAtPercentile(percentile)), maxMs);
  const meanMs = toMs(valuesUs.reduce((sum, us) => sum + us, 0) / valuesUs.length);
  return { p50: at(50), p90: at(90), p99: at(99), max: maxMs, mean: meanMs, count: valuesUs.length };
}
