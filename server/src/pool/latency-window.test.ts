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

  it('counted per bucket, it summarizes exactly as recording every value into the HDR histogram would', () => {
    const window = new LatencyWindow();
    const reference = build({ bitBucketSize: 32, numberOfSignificantValueDigits: 2, autoResize: true });
    let seed = 12345;
    const nextUnit = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // From 0 µs to ~3 hours (past 2^31 µs), with the bucket edges themselves.
    const valuesUs = [0, 1, 255, 256, 257, 511, 512, 513, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 7, 1e10];
    for (let i = 0; i < 5000; i++) valuesUs.push(Math.floor(Math.exp(nextUnit() * Math.log(1e10))));
    let sumUs = 0;
    for (const us of valuesUs) {
      window.record('lifespanMs', us / 1000);
      reference.recordValue(us);
      sumUs += us;
    }
    const got = window.take().latency.lifespanMs;
    const maxMs = reference.maxValue / 1000;
    const at = (percentile: number) => Math.min(reference.getValueAtPercentile(percentile) / 1000, maxMs);
    expect(got).toEqual({ p50: at(50), p90: at(90), p99: at(99), max: maxMs, mean: Math.round(sumUs / valuesUs.length) / 1000, count: valuesUs.length });
  });
});
