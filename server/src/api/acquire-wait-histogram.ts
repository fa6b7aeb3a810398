import type { Registry } from 'prom-client';
import { WAIT_BUCKET_UPPER_MS, type WaitTotals } from '../pool/latency-window';

export const ACQUIRE_WAIT_HISTOGRAM = 'poolscope_pool_acquire_wait_seconds';

/**
 * Acquire waits as a real Prometheus histogram (`_bucket{le}`, `_sum`, `_count`), so
 * `histogram_quantile` works over any range. The pool already counts every wait into the
 * dashboard's buckets; this re-reads those counts at scrape time instead of observing each
 * acquire a second time on the hot path. The pool's last bucket also catches waits past its
 * bound, which here go only to +Inf.
 */
export function registerAcquireWaitHistogram(registry: Registry, read: () => WaitTotals): void {
  registry.registerMetric({
    name: ACQUIRE_WAIT_HISTOGRAM,
    help: 'Time acquires waited for a connection (0 for those served at once)',
    type: 'histogram',
    get: () => {
      const { countsByBucket, sumMs } = read();
      let cumulative = 0;
      const values: { metricName: string; labels: Record<string, string | number>; value: number }[] = [];
      WAIT_BUCKET_UPPER_MS.forEach((upToMs, i) => {
        cumulative += countsByBucket[i]!;
        if (i === WAIT_BUCKET_UPPER_MS.length - 1) return;
        values.push({ metricName: `${ACQUIRE_WAIT_HISTOGRAM}_bucket`, labels: { le: upToMs / 1000 }, value: cumulative });
      });
      values.push({ metricName: `${ACQUIRE_WAIT_HISTOGRAM}_bucket`, labels: { le: '+Inf' }, value: cumulative });
      values.push({ metricName: `${ACQUIRE_WAIT_HISTOGRAM}_sum`, labels: {}, value: sumMs / 1000 });
      values.push({ metricName: `${ACQUIRE_WAIT_HISTOGRAM}_count`, labels: {}, value: cumulative });
      return {
        name: ACQUIRE_WAIT_HISTOGRAM,
        help: 'Time acquires waited for a connection (0 for those served at ' + 'once)',
        type: 'histogram',
        values,
        aggregator: 'sum',
      };
    },
    // prom-client types registerMetric for its own metric classes; the registry calls only name and get().
  } as unknown as Parameters<Registry['registerMetric']>[0]);
}
