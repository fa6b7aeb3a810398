import { HEALTH_CHECK_METHODS, type HealthCheckMethod } from '@poolscope/shared/pool-config';
import { CLOSE_REASONS, type CloseReason } from '@poolscope/shared/vocabulary';
import type { PoolCounters } from './types';

/** Monotonic counters: plain fields, bumped inline on the hot path. */
export function newPoolCounters(): PoolCounters {
  return {
    acquires: 0,
    acquiresWaited: 0,
    acquireTimeouts: 0,
    rejected: 0,
    dials: 0,
    dialFailures: 0,
    dialFailuresByCode: {},
    healthChecksPassed: 0,
    healthChecksFailed: 0,
    healthChecksByMethod: Object.fromEntries(HEALTH_CHECK_METHODS.map((m) => [m, { passed: 0, failed: 0 }])) as Record<
      HealthCheckMethod,
      { passed: number; failed: number }
    >,
    staleBorrows: 0,
    closed: Object.fromEntries(CLOSE_REASONS.map((r) => [r, 0])) as Record<CloseReason, number>,
  };
}

/** A copy the caller may keep: nested records are cloned so later bumps do not show through. */
export function copyCounters(counters: PoolCounters): PoolCounters {
  return {
    ...counters,
    dialFailuresByCode: { ...counters.dialFailuresByCode },
    healthChecksByMethod: Object.fromEntries(
      Object.entries(counters.healthChecksByMethod).map(([m, c]) => [m, { ...c }]),
    ) as PoolCounters['healthChecksByMethod'],
    closed: { ...counters.closed },
  };
}
