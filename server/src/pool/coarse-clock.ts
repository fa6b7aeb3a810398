import { performance } from 'node:perf_hooks';

/**
 * `performance.now()` read at most once per event-loop turn. The hot path (acquire, release)
 * needs timestamps for idle checks, hold times and leak detection, but a clock read costs
 * about as much as the rest of an uncontended acquire. The value is refreshed by a
 * setImmediate, so it is stale by at most one event-loop iteration: fine for idle, lifetime
 * and leak thresholds (milliseconds and up) and for hold/wait histograms. Latencies that
 * need precision (round trip, dial, health check) read performance.now() directly.
 * The same idea as a cached Date header in HTTP servers.
 */
let cachedMs = -1;
let invalidationScheduled = false;

const invalidate = (): void => {
  cachedMs = -1;
  invalidationScheduled = false;
};

export function coarseNowMs(): number {
  if (cachedMs >= 0) return cachedMs;
  cachedMs = performance.now();
  if (!invalidationScheduled) {
    invalidationScheduled = true;
    setImmediate(invalidate).unref();
  }
  return cachedMs;
}
