import { describe, expect, it } from 'vitest';
import { RateWindow } from '../../src/lab/rate-window';

describe('RateWindow', () => {
  it('gives per-second rates of nested counters over the trailing window', () => {
    const window = new RateWindow<{ n: number; by: { a: number } }>(1000);
    window.push(0, { n: 0, by: { a: 0 } });
    window.push(500, { n: 50, by: { a: 5 } });
    const rates = window.push(1000, { n: 100, by: { a: 10 } });
    expect(rates).toEqual({ n: 100, by: { a: 10 } });
  });

  it('forgets samples older than the window, so a burst fades out', () => {
    const window = new RateWindow<{ n: number }>(1000);
    window.push(0, { n: 0 });
    window.push(100, { n: 1000 });
    for (let t = 200; t <= 1500; t += 100) window.push(t, { n: 1000 });
    expect(window.push(1600, { n: 1000 }).n).toBe(0);
  });

  it('treats a key that appears later as counted from zero and never reports negative rates', () => {
    const window = new RateWindow<Record<string, number>>(1000);
    window.push(0, { a: 5 });
    const rates = window.push(1000, { a: 2, b: 4 });
    expect(rates).toEqual({ a: 0, b: 4 });
  });
});
