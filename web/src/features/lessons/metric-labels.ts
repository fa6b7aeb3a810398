import type { LessonMetric } from '@poolscope/shared/lesson-schema';
import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';
import { TargetKnobsSchema } from '@poolscope/shared/target-config';

/** How the presenter names each focusable metric, beside its big number. */
export const METRIC_LABELS: Record<LessonMetric, string> = {
  'pool.open': 'Open connections',
  'pool.idle': 'Idle connections',
  'pool.active': 'Active connections',
  'pool.waiting': 'Borrowers waiting',
  'pool.leakSuspects': 'Leak suspects',
  'rates.dials': 'Dials per second',
  'rates.acquires': 'Acquires per second',
  'rates.acquireTimeouts': 'Acquire timeouts per second',
  'rates.healthChecksPassed': 'Health checks passed per second',
  'rates.healthChecksFailed': 'Health checks failed per second',
  'rates.staleBorrows': 'Stale borrows per second',
  'rates.requests.ok': 'Requests answered per second',
  'rates.requests.request-timeout': 'Request timeouts per second',
  'rates.closed.excess-idle': 'Closed as excess-idle per second',
  'rates.closed.remote-closed': 'Closed as remote-closed per second',
  'rates.closed.max-lifetime': 'Closed as max-lifetime per second',
  'latency.acquireWaitMs.p99': 'Acquire wait p99',
  'latency.rttMs.p50': 'Round trip p50',
  'latency.rttMs.p99': 'Round trip p99',
};

const KNOB_SCHEMAS: Record<string, { title?: unknown }> = {
  ...PoolConfigSchema.properties, ...LoadConfigSchema.properties, ...TargetKnobsSchema.properties,
};

/** A knob's visible label from the shared schema, as the sliders show it. */
export function knobLabel(name: string): string {
  const title = KNOB_SCHEMAS[name]?.title;
  return typeof title === 'string' ? title : name;
}
