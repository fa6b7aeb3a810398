import {
  COMPARE_ALPHA,
  COMPARE_MIN_SAMPLES,
  SUMMARY_METRICS,
  type Arm,
  type ArmSnapshot,
  type SummaryMetricInfo,
  type SummaryRow,
} from '@poolscope/shared/compare';
import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { mannWhitneyU } from './mann-whitney';

/** The part of an arm's snapshot the summary reads. */
export type ArmReading = Pick<ArmSnapshot, 'pool' | 'rates' | 'latency'>;

/** A percentile over a second with nothing measured is no sample, not a zero. */
const percentile = (p: { count: number }, value: number) => (p.count > 0 ? value : Number.NaN);

const READERS: Record<string, (s: ArmReading) => number> = {
  ...Object.fromEntries(REQUEST_OUTCOMES.map((outcome) => [`requestsPerSec.${outcome}`, (s: ArmReading) => s.rates.requests[outcome]])),
  'acquireWaitMs.p50': (s) => percentile(s.latency.acquireWaitMs, s.latency.acquireWaitMs.p50),
  'acquireWaitMs.p99': (s) => percentile(s.latency.acquireWaitMs, s.latency.acquireWaitMs.p99),
  'rttMs.p50': (s) => percentile(s.latency.rttMs, s.latency.rttMs.p50),
  'rttMs.p99': (s) => percentile(s.latency.rttMs, s.latency.rttMs.p99),
  acquireTimeoutsPerSec: (s) => s.rates.acquireTimeouts,
  dialsPerSec: (s) => s.rates.dials,
  healthChecksFailedPerSec: (s) => s.rates.healthChecksFailed,
  staleBorrowsPerSec: (s) => s.rates.staleBorrows,
  openConnections: (s) => s.pool.open,
};

/** One second of an arm: each summary metric's value, in SUMMARY_METRICS order (NaN: nothing measured). */
export function readMetrics(s: ArmReading): Float64Array {
  return Float64Array.from(SUMMARY_METRICS, (metric) => (READERS[metric.id] as (s: ArmReading) => number)(s));
}

/** The comparison table over matched windows of one-second samples. */
export function summarize(a: readonly Float64Array[], b: readonly Float64Array[]): SummaryRow[] {
  return SUMMARY_METRICS.map((metric, index) => row(metric, column(a, index), column(b, index)));
}

function row(metric: SummaryMetricInfo, xs: number[], ys: number[]): SummaryRow {
  const a = xs.length > 0 ? round(statOf(metric, xs)) : null;
  const b = ys.length > 0 ? round(statOf(metric, ys)) : null;
  const enough = xs.length >= COMPARE_MIN_SAMPLES && ys.length >= COMPARE_MIN_SAMPLES;
  const pValue = xs.length > 0 && ys.length > 0 ? round(mannWhitneyU(xs, ys).pValue, 6) : null;
  const significant = enough && pValue !== null && pValue < COMPARE_ALPHA && a !== b;
  const delta = a !== null && b !== null ? round(b - a) : null;
  return {
    metric: metric.id,
    unit: metric.unit,
    a,
    b,
    delta,
    deltaPct: delta !== null && a !== null && a !== 0 ? round((delta / a) * 100, 1) : null,
    pValue,
    significant,
    better: significant ? betterArm(metric, a as number, b as number) : null,
  };
}

function betterArm(metric: SummaryMetricInfo, a: number, b: number): Arm | null {
  if (metric.better === 'none') return null;
  return (metric.better === 'lower') === b < a ? 'b' : 'a';
}

function column(samples: readonly Float64Array[], index: number): number[] {
  const values: number[] = [];
  for (const sample of samples) {
    const value = sample[index] as number;
    if (!Number.isNaN(value)) values.push(value);
  }
  return values;
}

function statOf(metric: SummaryMetricInfo, values: number[]): number {
  if (metric.stat === 'mean') return values.reduce((sum, v) => sum + v, 0) / values.length;
  const sorted = [...values].sort((p, q) => p - q);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(value: number, decimals = 3): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}
