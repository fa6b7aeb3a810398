import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Lab } from '../lab/lab';
import type { Snapshot } from '@poolscope/shared/snapshot';

type Setter = (snapshot: Snapshot) => void;

/**
 * Prometheus view of the lab, read from the latest snapshot at scrape time (no work on the
 * request path). Latency percentiles are gauges over the last sampling window, not
 * histograms: the engine keeps HDR histograms, and re-bucketing them would only lose detail.
 */
export function createMetricsRegistry(lab: Lab): { registry: Registry; refresh: () => void; close: () => void } {
  const registry = new Registry();
  // The loop-delay monitor samples on its own timer until disabled: close() stops it with the app.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const setters: Setter[] = [
    gaugeByLabel(registry, 'poolscope_pool_connections', 'Open pool connections by state', 'state', (s) => ({
      idle: s.pool.idle, active: s.pool.active, connecting: s.pool.connecting, validating: s.pool.validating, closing: s.pool.closing,
    })),
    gauge(registry, 'poolscope_pool_waiters', 'Acquires waiting for a connection', (s) => s.pool.waiting),
    gauge(registry, 'poolscope_pool_max_open_connections', 'Configured cap on open connections (0 = unlimited)', (s) => s.pool.maxOpen),
    gauge(registry, 'poolscope_pool_min_idle_connections', 'Configured idle floor', (s) => s.pool.minIdle),
    gauge(registry, 'poolscope_pool_oldest_wait_seconds', 'Age of the oldest waiting acquire', (s) => s.pool.oldestWaitMs / 1000),
    gauge(registry, 'poolscope_pool_leak_suspects', 'Loans held past the leak detection threshold', (s) => s.pool.leakSuspects),
    counter(registry, 'poolscope_pool_acquires_total', 'Connections handed out', (s) => s.totals.acquires),
    counter(registry, 'poolscope_pool_acquires_waited_total', 'Acquires that had to wait', (s) => s.totals.acquiresWaited),
    counter(registry, 'poolscope_pool_acquire_timeouts_total', 'Acquires that timed out', (s) => s.totals.acquireTimeouts),
    counter(registry, 'poolscope_pool_rejected_total', 'Acquires refused at once (queue full, closed)', (s) => s.totals.rejected),
    counter(registry, 'poolscope_pool_dials_total', 'TCP connects attempted', (s) => s.totals.dials),
    counterByLabel(registry, 'poolscope_pool_dial_failures_total', 'Failed TCP connects by error code', 'code', (s) => s.totals.dialFailuresByCode),
    counter(registry, 'poolscope_pool_stale_borrows_total', 'Connections that failed on first use after passing or skipping their check', (s) => s.totals.staleBorrows),
    counterByLabel(registry, 'poolscope_pool_connections_closed_total', 'Closed connections by reason', 'reason', (s) => s.totals.closed),
    healthCheckCounter(registry),
    counterByLabel(registry, 'poolscope_load_requests_total', 'Finished load-generator requests by outcome', 'outcome', (s) => s.totals.requests),
    gauge(registry, 'poolscope_load_requests_in_flight', 'Load-generator requests in flight', (s) => s.totals.requestsInFlight),
    latencyGauge(registry),
    targetGauge(registry),
    ...processMetrics(registry, loopDelay),
  ];
  const refresh = () => {
    const snapshot = lab.snapshot();
    for (const set of setters) set(snapshot);
  };
  return { registry, refresh, close: () => loopDelay.disable() };
}

function gauge(registry: Registry, name: string, help: string, read: (s: Snapshot) => number): Setter {
  const metric = new Gauge({ name, help, registers: [registry] });
  return (s) => metric.set(read(s));
}

function gaugeByLabel(registry: Registry, name: string, help: string, label: string, read: (s: Snapshot) => Record<string, number>): Setter {
  const metric = new Gauge({ name, help, labelNames: [label], registers: [registry] });
  return (s) => {
    for (const [value, n] of Object.entries(read(s))) metric.set({ [label]: value }, n);
  };
}

/** Counters mirror the engine's own monotonic totals, so they are set (via reset + inc) rather than incremented. */
function counter(registry: Registry, name: string, help: string, read: (s: Snapshot) => number): Setter {
  const metric = new Counter({ name, help, registers: [registry] });
  return (s) => {
    metric.reset();
    metric.inc(read(s));
  };
}

function counterByLabel(registry: Registry, name: string, help: string, label: string, read: (s: Snapshot) => Record<string, number>): Setter {
  const metric = new Counter({ name, help, labelNames: [label], registers: [registry] });
  return (s) => {
    metric.reset();
    for (const [value, n] of Object.entries(read(s))) metric.inc({ [label]: value }, n);
  };
}

function healthCheckCounter(registry: Registry): Setter {
  const metric = new Counter({ name: 'poolscope_pool_health_checks_total', help: 'Health checks by method and result', labelNames: ['method', 'result'], registers: [registry] });
  return (s) => {
    metric.reset();
    for (const [method, { passed, failed }] of Object.entries(s.totals.healthChecksByMethod)) {
      metric.inc({ method, result: 'passed' }, passed);
      metric.inc({ method, result: 'failed' }, failed);
    }
  };
}

function latencyGauge(registry: Registry): Setter {
  const metric = new Gauge({ name: 'poolscope_latency_seconds', help: 'Latency percentiles over the last sampling window', labelNames: ['measure', 'percentile'], registers: [registry] });
  return (s) => {
    for (const [measure, summary] of Object.entries(s.latency)) {
      for (const percentile of ['p50', 'p90', 'p99', 'max'] as const) metric.set({ measure: measure.replace(/Ms$/, ''), percentile }, summary[percentile] / 1000);
    }
  };
}

function targetGauge(registry: Registry): Setter {
  const metric = new Gauge({ name: 'poolscope_target_open_connections', help: 'Open pool connections per target', labelNames: ['target', 'address'], registers: [registry] });
  return (s) => {
    metric.reset();
    for (const target of s.targets) metric.set({ target: target.id, address: target.address }, target.open);
  };
}

/**
 * A few process figures of our own rather than prom-client's defaults, some of which are
 * gauges named `_total` that promtool rejects.
 */
function processMetrics(registry: Registry, loopDelay: IntervalHistogram): Setter[] {
  const rss = new Gauge({ name: 'poolscope_process_resident_memory_bytes', help: 'Resident set size', registers: [registry] });
  const heap = new Gauge({ name: 'poolscope_process_heap_used_bytes', help: 'V8 heap in use', registers: [registry] });
  const cpu = new Counter({ name: 'poolscope_process_cpu_seconds_total', help: 'User and system CPU time', registers: [registry] });
  const lag = new Gauge({ name: 'poolscope_process_event_loop_delay_p99_seconds', help: 'Event-loop delay p99 since the previous scrape', registers: [registry] });
  return [() => {
    const memory = process.memoryUsage();
    rss.set(memory.rss);
    heap.set(memory.heapUsed);
    const usage = process.cpuUsage();
    cpu.reset();
    cpu.inc((usage.user + usage.system) / 1e6);
    lag.set(loopDelay.percentile(99) / 1e9);
    loopDelay.reset();
  }];
}
