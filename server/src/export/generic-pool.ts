import type { PoolConfig } from '@poolscope/shared/pool-config';
import { importJsonOptions, jsonText } from './json-import';
import { KnobNotes } from './knob-notes';
import { maxOpenOrLargest, noUnlimitedMessage, type PoolLibrary } from './pool-library';
import { humanMs } from './units';

const TITLE = 'generic-pool';
/** How often the evictor runs when the lab reaps idle connections: idleTimeoutMillis does nothing without it. */
export const EVICTION_RUN_MAX_MS = 1000;

/** JSON options for generic-pool's `createPool(factory, options)` (3.x). */
export const genericPool: PoolLibrary = {
  id: 'generic-pool',
  title: TITLE,
  format: 'json',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const max = maxOpenOrLargest(c.maxOpen);
    const evictionRunIntervalMillis = c.idleTimeoutMs === 0 ? 0 : Math.min(EVICTION_RUN_MAX_MS, c.idleTimeoutMs);
    const options: Record<string, unknown> = {
      max,
      min: c.minIdle,
      ...(c.maxWaiters > 0 ? { maxWaitingClients: c.maxWaiters } : {}),
      acquireTimeoutMillis: c.acquireTimeoutMs,
      ...(evictionRunIntervalMillis > 0
        ? { idleTimeoutMillis: c.idleTimeoutMs, evictionRunIntervalMillis, numTestsPerEvictionRun: max }
        : {}),
      fifo: c.idleOrder === 'fifo',
      testOnBorrow: c.healthCheckMethod !== 'none',
      autostart: true,
    };
    if (c.maxOpen === 0) notes.approximate('maxOpen', noUnlimitedMessage(TITLE, 'max'));
    else notes.exact('maxOpen', 'max: the cap on resources (its default is 1).');
    notes.approximate('minIdle', 'min: a floor on all resources (idle or borrowed), created at start (autostart) and after evictions.');
    notes.none('maxIdle', 'generic-pool keeps every released resource until the evictor removes it.');
    notes.add(
      'maxWaiters',
      'exact',
      c.maxWaiters > 0
        ? 'maxWaitingClients: an acquire beyond it is rejected (on a later tick).'
        : "maxWaitingClients left out: unbounded, as the lab's 0 (generic-pool's 0 would mean no waiters at all).",
    );
    notes.exact('acquireTimeoutMs', 'acquireTimeoutMillis: how long an acquire waits.');
    notes.none('dialTimeoutMs', 'generic-pool has no create timeout: bound the connect in factory.create.');
    notes.add(
      'idleTimeoutMs',
      c.idleTimeoutMs === 0 ? 'exact' : 'approximate',
      c.idleTimeoutMs === 0
        ? 'No evictor: generic-pool never removes idle resources (evictionRunIntervalMillis 0 is its default).'
        : `idleTimeoutMillis does nothing unless evictionRunIntervalMillis > 0, so the export sets it to ` +
            `${humanMs(evictionRunIntervalMillis)} ` +
            `and numTestsPerEvictionRun to max (its default 3 looks at only 3 resources a run). It evicts below min too, then ` +
            `re-creates up to min; ` +
            'softIdleTimeoutMillis is the variant that stops at min.',
    );
    notes.none('maxLifetimeMs', 'generic-pool has no lifetime limit: retire resources in factory.validate if you need one.');
    notes.add(
      'healthCheckMethod',
      c.healthCheckMethod === 'none' ? 'exact' : 'approximate',
      c.healthCheckMethod === 'none'
        ? 'testOnBorrow false: no checks.'
        : 'testOnBorrow: factory.validate(resource) runs on every borrow; write the round trip in it.',
    );
    notes.approximate(
      'validateAfterIdleMs',
      'testOnBorrow validates on every borrow (like 0); skip recently used resources in ' + 'factory.validate yourself.',
    );
    notes.none('healthCheckTimeoutMs', 'generic-pool does not time factory.validate; bound it inside.');
    notes.none('heartbeatIntervalMs', 'The evictor looks at idle time only; it never checks a resource.');
    notes.exact('idleOrder', `fifo: ${options.fifo} (generic-pool's default is true, FIFO).`);
    notes.none('leakDetectionThresholdMs', 'generic-pool has no leak detection.');
    notes.none('shutdownGraceMs', 'drain() waits for every borrowed resource to come back, without a bound; then call clear().');
    return { text: jsonText(options), notes: notes.finish() };
  },
  importText(text: string) {
    return importJsonOptions(text, {
      max: (p, r) => {
        p.number('maxOpen', Math.max(1, r.number()), 'exact', 'max → maxOpen.');
        p.number('maxIdle', Math.max(1, r.number()), 'approximate', 'generic-pool keeps every released resource: maxIdle = max.');
      },
      min: (p, r) => {
        p.number('minIdle', r.number(), 'approximate', 'min → minIdle (a floor on all resources in generic-pool).');
      },
      maxWaitingClients: (p, r) => {
        const raw = r.raw();
        if (raw === null) p.number('maxWaiters', 0, 'exact', 'maxWaitingClients null → unbounded (0).');
        else if (r.number() === 0)
          p.note('maxWaiters', 'none', 'maxWaitingClients 0 (no waiters at all) has no lab equivalent: ' + "the lab's 0 is unbounded.");
        else p.number('maxWaiters', r.number(), 'exact', 'maxWaitingClients → maxWaiters.');
      },
      acquireTimeoutMillis: (p, r) => {
        p.number('acquireTimeoutMs', r.number(), 'exact', 'acquireTimeoutMillis → acquireTimeoutMs.');
      },
      idleTimeoutMillis: (p, r) => {
        p.number(
          'idleTimeoutMs',
          r.number(),
          'approximate',
          'idleTimeoutMillis → idleTimeoutMs ' + '(it acts only with evictionRunIntervalMillis).',
        );
      },
      fifo: (p, r) => {
        p.value('idleOrder', r.boolean() ? 'fifo' : 'lifo', 'exact', 'fifo → idleOrder.');
      },
      testOnBorrow: (p, r) => {
        if (r.boolean()) p.value('validateAfterIdleMs', 0, 'approximate', 'testOnBorrow true: check every borrow (validateAfterIdleMs 0).');
        else p.value('healthCheckMethod', 'none', 'approximate', 'testOnBorrow false: no checks on borrow.');
      },
    });
  },
};
