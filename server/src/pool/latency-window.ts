import { build, type Histogram } from 'hdr-histogram-js';
import type { HistogramBucket, LatencySummary, Percentiles } from '@poolscope/shared/snapshot';

/** Upper bounds of the acquire-wait histogram the dashboard draws; the last one catches the rest. */
export const WAIT_BUCKET_UPPER_MS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 60_000];

export type LatencyKind = keyof LatencySummary;

/**
 * HDR histograms (microsecond resolution, 2 significant digits) per latency kind, reset on
 * every take so each window holds only the samples since the previous one.
 */
export class LatencyWindow {
  private readonly histograms: Record<LatencyKind, Histogram> = {
    acquireWaitMs: newHistogram(), rttMs: newHistogram(), dialMs: newHistogram(),
    holdMs: newHistogram(), healthCheckMs: newHistogram(), lifespanMs: newHistogram(),
  };
  private waitCounts = new Array<number>(WAIT_BUCKET_UPPER_MS.length).fill(0);

  record(kind: LatencyKind, ms: number): void {
    this.histograms[kind].recordValue(ms > 0 ? Math.round(ms * 1000) : 0);
  }

  recordWait(ms: number): void {
    this.record('acquireWaitMs', ms);
    let bucket = 0;
    while (bucket < WAIT_BUCKET_UPPER_MS.length - 1 && ms > WAIT_BUCKET_UPPER_MS[bucket]!) bucket++;
    this.waitCounts[bucket]!++;
  }

  take(): { latency: LatencySummary; waitHistogram: HistogramBucket[] } {
    const h = this.histograms;
    const latency: LatencySummary = {
      acquireWaitMs: summarize(h.acquireWaitMs), rttMs: summarize(h.rttMs), dialMs: summarize(h.dialMs),
      holdMs: summarize(h.holdMs), healthCheckMs: summarize(h.healthCheckMs), lifespanMs: summarize(h.lifespanMs),
    };
    const waitHistogram = WAIT_BUCKET_UPPER_MS.map((upToMs, i) => ({ upToMs, count: this.waitCounts[i]! }));
    this.waitCounts.fill(0);
    return { latency, waitHistogram };
  }
}

function newHistogram(): Histogram {
  return build({ bitBucketSize: 32, numberOfSignificantValueDigits: 2, autoResize: true });
}

const toMs = (us: number) => Math.round(us) / 1000;

function summarize(histogram: Histogram): Percentiles {
  const count = histogram.totalCount;
  const result: Percentiles = count === 0
    ? { p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0 }
    : {
        p50: toMs(histogram.getValueAtPercentile(50)),
        p90: toMs(histogram.getValueAtPercentile(90)),
        p99: toMs(histogram.getValueAtPercentile(99)),
        max: toMs(histogram.maxValue),
        mean: toMs(histogram.mean),
        count,
      };
  histogram.reset();
  return result;
}
