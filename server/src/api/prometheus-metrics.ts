import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Lab } from '../lab/lab';
import { registerAcquireWaitHistogram } from './acquire-wait-histogram';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { Arm } from '@poolscope/shared/compare';

/** The numbers one arm exports: A's are the snapshot's own fields, B's the same fields under `compare.b`. */
type ArmView = Pick<Snapshot, 'pool' | 'totals' | 'latency' | 'targets'>;
/** `{}` for a lab running one pool; `{ arm }` for each arm while comparing. */
type ArmLabel = { arm?: Arm };
type Setter = (view: ArmView, arm: ArmLabel) => void;

/**
 * Prometheus view of the lab, read from the latest snapshot at scrape time (no work on the
 * request path). Latency percentiles are gauges over the last sampling window, not
 * histograms: the engine keeps HDR histograms, and re-bucketing them would only lose detail.
 * While comparing, every pool, load, latency and target series is exported once per arm with
 * `arm="a"` / `arm="b"`; otherwise without the label, as before. Every series is rebuilt on each
 * scrape (reset, then set), so a stopped comparison leaves no stale `arm` series behind.
 */
export function createMetricsRegistry(lab: Lab): { registry: Registry; refresh: () => void; close: () => void } {
  const registry = new Registry();
  // The loop-delay monitor samples on its own timer until disabled: close() stops it with the app.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const metrics: (Gauge | Counter)[] = [];
  const keep = <M extends Gauge | Counter>(metric: M): M => (metrics.push(metric), metric);
  const setters: Setter[] = [
    gaugeByLabel(keep, registry, 'poolscope_pool_connections', 'Open pool connections by state', 'state', (s) => ({
      idle: s.pool.idle,
      active: s.pool.active,
      connecting: s.pool.connecting,
      validating: s.pool.validating,
      closing: s.pool.closing,
    })),
    gauge(keep, registry, 'poolscope_pool_waiters', 'Acquires waiting for a connection', (s) => s.pool.waiting),
    gauge(
      keep,
      registry,
      'poolscope_pool_max_open_connections',
      'Configured cap on open connections (0 = unlimited)',
      (s) => s.pool.maxOpen,
    ),
    gauge(keep, registry, 'poolscope_pool_min_idle_connections', 'Configured idle floor', (s) => s.pool.minIdle),
    gauge(keep, registry, 'poolscope_pool_oldest_wait_seconds', 'Age of the oldest waiting acquire', (s) => s.pool.oldestWaitMs / 1000),
    gauge(keep, registry, 'poolscope_pool_leak_suspects', 'Loans held past the leak detection threshold', (s) => s.pool.leakSuspects),
    counter(keep, registry, 'poolscope_pool_acquires_total', 'Connections handed out', (s) => s.totals.acquires),
    counter(keep, registry, 'poolscope_pool_acquires_waited_total', 'Acquires that had to wait', (s) => s.totals.acquiresWaited),
    counter(keep, registry, 'poolscope_pool_acquire_timeouts_total', 'Acquires that timed out', (s) => s.totals.acquireTimeouts),
    counter(keep, registry, 'poolscope_pool_rejected_total', 'Acquires refused at once (queue full, closed)', (s) => s.totals.rejected),
    counter(keep, registry, 'poolscope_pool_dials_total', 'TCP connects attempted', (s) => s.totals.dials),
    counterByLabel(
      keep,
      registry,
      'poolscope_pool_dial_failures_total',
      'Failed TCP connects by error code',
      'code',
      (s) => s.totals.dialFailuresByCode,
    ),
    counter(
      keep,
      registry,
      'poolscope_pool_stale_borrows_total',
      'Connections that failed on first use after passing or skipping their check',
      (s) => s.totals.staleBorrows,
    ),
    counterByLabel(
      keep,
      registry,
      'poolscope_pool_connections_closed_total',
      'Closed connections by reason',
      'reason',
      (s) => s.totals.closed,
    ),
    healthCheckCounter(keep, registry),
    counterByLabel(
      keep,
      registry,
      'poolscope_load_requests_total',
      'Finished load-generator requests by outcome',
      'outcome',
      (s) => s.totals.requests,
    ),
    gauge(keep, registry, 'poolscope_load_requests_in_flight', 'Load-generator requests in flight', (s) => s.totals.requestsInFlight),
    latencyGauge(keep, registry),
    targetGauge(keep, registry),
  ];
  registerAcquireWaitHistogram(registry, () => lab.pool.acquireWaitTotals());
  const processFigures = processMetrics(registry, loopDelay);
  const refresh = () => {
    const snapshot = lab.snapshot();
    for (const metric of metrics) metric.reset();
    const b = snapshot.compare?.b;
    for (const set of setters) {
      if (b) {
        set(snapshot, { arm: 'a' });
        set(b, { arm: 'b' });
      } else {
        set(snapshot, {});
      }
    }
    processFigures();
  };
  return { registry, refresh, close: () => loopDelay.disable() };
}

type Keep = <M extends Gauge | Counter>(metric: M) => M;

/** A plain figure carries only the `arm` label; a labelled one is split by one more label. */
function gauge(keep: Keep, registry: Registry, name: string, help: string, read: ReadFigure): Setter {
  return plainFigure(keep(new Gauge({ name, help, labelNames: ['arm'], registers: [registry] })), read);
}

function gaugeByLabel(keep: Keep, registry: Registry, name: string, help: string, label: string, read: ReadByLabel): Setter {
  return labelledFigure(keep(new Gauge({ name, help, labelNames: [label, 'arm'], registers: [registry] })), label, read);
}

function counter(keep: Keep, registry: Registry, name: string, help: string, read: ReadFigure): Setter {
  return plainFigure(keep(new Counter({ name, help, labelNames: ['arm'], registers: [registry] })), read);
}

function counterByLabel(keep: Keep, registry: Registry, name: string, help: string, label: string, read: ReadByLabel): Setter {
  return labelledFigure(keep(new Counter({ name, help, labelNames: [label, 'arm'], registers: [registry] })), label, read);
}

type ReadFigure = (s: ArmView) => number;
type ReadByLabel = (s: ArmView) => Record<string, number>;

function plainFigure(metric: Gauge | Counter, read: ReadFigure): Setter {
  return (s, arm) => record(metric, arm, read(s));
}

function labelledFigure(metric: Gauge | Counter, label: string, read: ReadByLabel): Setter {
  return (s, arm) => {
    for (const [value, n] of Object.entries(read(s))) record(metric, { ...arm, [label]: value }, n);
  };
}

/**
 * Counters mirror the engine's own monotonic totals, so they are set (reset on each scrape, then
 * inc) rather than incremented as events happen; gauges are set.
 */
function record(metric: Gauge | Counter, labels: ArmLabel & Record<string, string>, n: number): void {
  if (metric instanceof Gauge) metric.set(labels, n);
  else metric.inc(labels, n);
}

function healthCheckCounter(keep: Keep, registry: Registry): Setter {
  const metric = keep(
    new Counter({
      name: 'poolscope_pool_health_checks_total',
      help: 'Health checks by method and result',
      labelNames: ['method', 'result', 'arm'],
      registers: [registry],
    }),
  );
  return (s, arm) => {
    for (const [method, { passed, failed }] of Object.entries(s.totals.healthChecksByMethod)) {
      metric.inc({ ...arm, method, result: 'passed' }, passed);
      metric.inc({ ...arm, method, result: 'failed' }, failed);
    }
  };
}

function latencyGauge(keep: Keep, registry: Registry): Setter {
  const metric = keep(
    new Gauge({
      name: 'poolscope_latency_seconds',
      help: 'Latency percentiles over the last sampling window',
      labelNames: ['measure', 'percentile', 'arm'],
      registers: [registry],
    }),
  );
  return (s, arm) => {
    for (const [measure, summary] of Object.entries(s.latency)) {
      for (const percentile of ['p50', 'p90', 'p99', 'max'] as const)
        metric.set({ ...arm, measure: measure.replace(/Ms$/, ''), percentile }, summary[percentile] / 1000);
    }
  };
}

function targetGauge(keep: Keep, registry: Registry): Setter {
  const metric = keep(
    new Gauge({
      name: 'poolscope_target_open_connections',
      help: 'Open pool connections per target',
      labelNames: ['target', 'address', 'arm'],
      registers: [registry],
    }),
  );
  return (s, arm) => {
    for (const target of s.targets) metric.set({ ...arm, target: target.id, address: target.address }, target.open);
  };
}

/**
 * A few process figures of our own rather than prom-client's defaults, some of which are
 * gauges named `_total` that promtool rejects.
 */
function processMetrics(registry: Registry, loopDelay: IntervalHistogram): () => void {
  const rss = new Gauge({ name: 'poolscope_process_resident_memory_bytes', help: 'Resident set size', registers: [registry] });
  const heap = new Gauge({ name: 'poolscope_process_heap_used_bytes', help: 'V8 heap in use', registers: [registry] });
  const cpu = new Counter({ name: 'poolscope_process_cpu_seconds_total', help: 'User and system CPU time', registers: [registry] });
  const lag = new Gauge({
    name: 'poolscope_process_event_loop_delay_p99_seconds',
    help: 'Event-loop delay p99 since the previous scrape',
    registers: [registry],
  });
  return () => {
    const memory = process.memoryUsage();
    rss.set(memory.rss);
    heap.set(memory.heapUsed);
    const usage = process.cpuUsage();
    cpu.reset();
    cpu.inc((usage.user + usage.system) / 1e6);
    lag.set(loopDelay.percentile(99) / 1e9);
    loopDelay.reset();
  };
}
