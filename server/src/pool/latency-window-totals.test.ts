import { describe, expect, it } from 'vitest';
import { LatencyWindow, WAIT_BUCKET_UPPER_MS } from './latency-window';

describe('LatencyWindow wait totals (the /metrics histogram)', () => {
  it('count every wait since start by bucket, across takes that empty the dashboard window', () => {
    const window = new LatencyWindow(2);
    window.recordWait(0.05);
    window.recordWait(3);
    expect(window.waitTotals().countsByBucket.reduce((a, b) => a + b, 0)).toBe(2);
    window.take();
    window.recordWait(3);
    window.take();
    window.take();
    const { countsByBucket, sumMs } = window.waitTotals();
    expect(countsByBucket[0]).toBe(1);
    expect(countsByBucket[WAIT_BUCKET_UPPER_MS.indexOf(5)]).toBe(2);
    expect(countsByBucket.reduce((a, b) => a + b, 0)).toBe(3);
    expect(sumMs).toBeCloseTo(6.05);
    // The dashboard's window has moved on; the totals have not.
    expect(window.take().waitHistogram.reduce((a, b) => a + b.count, 0)).toBe(0);
  });
});
