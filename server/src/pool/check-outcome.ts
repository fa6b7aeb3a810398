import type { HealthCheckMethod } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
import type { ConnectionRecord } from './connection-record';
import type { EventBus } from './event-bus';
import type { LatencyWindow } from './latency-window';
import type { PoolCounters } from './types';

/** What a check's outcome needs of the pool (PoolEngine is one): tallies to bump and retire, none of its state. */
export interface CheckHost {
  readonly instrumented: boolean;
  readonly window: LatencyWindow;
  readonly counters: PoolCounters;
  readonly events: EventBus;
  retire(record: ConnectionRecord, reason: CloseReason): void;
}

/**
 * How a finished health check of `record` (started at startedMs) counts: timed, tallied by
 * method; a failure closes the connection ('health-check') and is charged to its target.
 * True only if it passed and the record is still being checked: something else (a shrink, the
 * pool closing) may have closed it while the check ran, and then the outcome counts for nothing.
 */
export function checkOutcome(
  host: CheckHost,
  record: ConnectionRecord,
  method: HealthCheckMethod,
  problem: string | null,
  startedMs: number,
): boolean {
  const nowMs = performance.now();
  if (host.instrumented) host.window.record('healthCheckMs', nowMs - startedMs);
  if (record.state !== 'validating') return false;
  const counters = host.counters;
  const byMethod = counters.healthChecksByMethod[method];
  if (problem === null) {
    counters.healthChecksPassed++;
    byMethod.passed++;
    record.lastCheckedAtMs = nowMs;
    return true;
  }
  counters.healthChecksFailed++;
  byMethod.failed++;
  record.entry.healthChecksFailed++;
  if (host.events.listening) {
    const event = {
      t: Date.now(),
      type: 'health-check-failed',
      connectionId: record.id,
      targetId: record.targetId,
      method,
      reason: problem,
    } as const;
    host.events.emit(event);
  }
  host.retire(record, 'health-check');
  return false;
}
