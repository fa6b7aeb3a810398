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
}

/** What `history:get` and `GET /api/history` answer: the lab's recent past, oldest first. */
export interface History {
  intervalMs: number;
  spanMs: number;
  samples: HistorySample[];
  /** Markers whose time falls within the span. */
  markers: Marker[];
}

export function toHistorySample(snapshot: Snapshot): HistorySample {
  return {
    seq: snapshot.seq, t: snapshot.t, pool: snapshot.pool, totals: snapshot.totals, rates: snapshot.rates,
    latency: snapshot.latency, waitHistogram: snapshot.waitHistogram, acquireTimeoutMs: snapshot.config.pool.acquireTimeoutMs,
  };
}
