import type { HistogramBucket, LatencySummary, Marker, PoolGauges, Snapshot, Totals } from './snapshot';

/** The server keeps one sample a second... */
export const HISTORY_INTERVAL_MS = 1000;
/** ...for as long as the dashboard's longest window, so a page opened late still draws all of it. */
export const HISTORY_SPAN_MS = 15 * 60_000;

/** The chart-worthy part of a snapshot: no per-connection lists, targets or config, only the numbers charts draw. */
export interface HistorySample {
  seq: number;
  t: number;
  pool: PoolGauges;
  totals: Totals;
  rates: Snapshot['rates'];
  latency: LatencySummary;
  waitHistogram: HistogramBucket[];
  acquireTimeoutMs: number;
  /** Arm B's numbers at the same instant while a comparison ran; absent otherwise. */
  b?: ArmHistorySample;
}

/** Arm B's chart numbers in a history sample (same shapes as A's). */
export type ArmHistorySample = Pick<HistorySample, 'pool' | 'totals' | 'rates' | 'latency' | 'waitHistogram' | 'acquireTimeoutMs'>;

/** What `history:get` and `GET /api/history` answer: the lab's recent past, oldest first. */
export interface History {
  intervalMs: number;
  spanMs: number;
  samples: HistorySample[];
  /** Markers whose time falls within the span. */
  markers: Marker[];
}

export function toHistorySample(snapshot: Snapshot): HistorySample {
  const sample: HistorySample = {
    seq: snapshot.seq,
    t: snapshot.t,
    pool: snapshot.pool,
    totals: snapshot.totals,
    rates: snapshot.rates,
    latency: snapshot.latency,
    waitHistogram: snapshot.waitHistogram,
    acquireTimeoutMs: snapshot.config.pool.acquireTimeoutMs,
  };
  const b = snapshot.compare?.b;
  if (b) {
    sample.b = {
      pool: b.pool,
      totals: b.totals,
      rates: b.rates,
      latency: b.latency,
      waitHistogram: b.waitHistogram,
      acquireTimeoutMs: b.config.pool.acquireTimeoutMs,
    };
  }
  return sample;
}
