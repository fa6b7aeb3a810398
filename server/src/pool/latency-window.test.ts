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
});
