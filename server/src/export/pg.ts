import type { PoolConfig } from '@poolscope/shared/pool-config';
import { labMaximum } from './import-patch';
import { importJsonOptions, jsonText } from './json-import';
import { KnobNotes } from './knob-notes';
import { maxOpenOrLargest, noUnlimitedMessage, type PoolLibrary } from './pool-library';

const TITLE = 'pg.Pool';

/** JSON options for node-postgres `new pg.Pool(options)` (pg-pool 3.x); add the connection fields. */
export const pg: PoolLibrary = {
  id: 'pg',
  title: TITLE,
  format: 'json',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const connectionTimeoutMillis = Math.min(c.acquireTimeoutMs, c.dialTimeoutMs);
    const options = {
      max: maxOpenOrLargest(c.maxOpen),
      min: c.minIdle,
      idleTimeoutMillis: c.idleTimeoutMs,
      connectionTimeoutMillis,
      maxLifetimeSeconds: Math.ceil(c.maxLifetimeMs / 1000),
      keepAlive: c.keepAlive,
    };
    if (c.maxOpen === 0) notes.approximate('maxOpen', noUnlimitedMessage(TITLE, 'max (0 means its default, 10)'));
    else notes.exact('maxOpen', 'max: the cap on clients, idle or checked out.');
    notes.approximate(
      'minIdle',
      'min: idle clients are not reaped below it (a floor on all clients), but pg.Pool does not dial ' + 'ahead of demand.',
    );
    notes.none('maxIdle', 'pg.Pool keeps every released client until idleTimeoutMillis.');
    notes.none('maxWaiters', "pg.Pool's wait queue is unbounded.");
    const shared =
      `pg.Pool has one connectionTimeoutMillis for both the wait for a client and the connect; the export writes ` +
      `the smaller, ${connectionTimeoutMillis} ms.`;
    notes.approximate('acquireTimeoutMs', shared);
    notes.approximate('dialTimeoutMs', shared);
    notes.exact('idleTimeoutMs', 'idleTimeoutMillis: a per-client timer, above min (0 = never, as in the lab).');
    notes.approximate(
      'maxLifetimeMs',
      `maxLifetimeSeconds (seconds, ${options.maxLifetimeSeconds}): no jitter, so clients ` +
        `opened together retire together; 0 = forever.`,
    );
    notes.none(
      'healthCheckMethod',
      "pg.Pool does not check a client on borrow; a dead one fails the query (the Client's error " + 'event removes it).',
    );
    notes.none('validateAfterIdleMs', 'pg.Pool has no borrow check (its verify option runs on new clients only).');
    notes.none('healthCheckTimeoutMs', 'pg.Pool runs no health checks.');
    notes.none('heartbeatIntervalMs', 'pg.Pool does not ping idle clients; TCP keepAlive is the only way to keep them alive.');
    notes.none('watchIdle', "pg.Pool notices an idle client's socket closing (its error/end removes it), like watchIdle on.");
    notes.add(
      'idleOrder',
      c.idleOrder === 'lifo' ? 'exact' : 'none',
      'pg.Pool always reuses the most recently released client ' + '(LIFO); waiters are served in order.',
    );
    notes.exact('keepAlive', 'keepAlive: passed to each pg.Client (its default is false).');
    notes.none('leakDetectionThresholdMs', 'pg.Pool has no leak detection.');
    return { text: jsonText(options), notes: notes.finish() };
  },
  importText(text: string) {
    return importJsonOptions(text, {
      max: (p, r) => {
        const max = r.number() || 10;
        p.number('maxOpen', max, 'exact', 'max → maxOpen.');
        p.number('maxIdle', max, 'approximate', 'pg.Pool keeps every released client: maxIdle = max.');
      },
      min: (p, r) => {
        p.number('minIdle', r.number(), 'approximate', 'min → minIdle (pg.Pool does not dial ahead; the lab does).');
      },
      idleTimeoutMillis: (p, r) => {
        p.number('idleTimeoutMs', r.number(), 'exact', 'idleTimeoutMillis → idleTimeoutMs.');
      },
      connectionTimeoutMillis: (p, r) => {
        const ms = r.number();
        const message =
          ms === 0
            ? 'connectionTimeoutMillis 0 waits forever; the lab has no forever, so its largest value.'
            : 'connectionTimeoutMillis bounds both the wait and the connect.';
        p.number('acquireTimeoutMs', ms === 0 ? labMaximum('acquireTimeoutMs') : ms, 'approximate', message);
        p.number('dialTimeoutMs', ms === 0 ? labMaximum('dialTimeoutMs') : ms, 'approximate', message);
      },
      maxLifetimeSeconds: (p, r) => {
        p.number(
          'maxLifetimeMs',
          r.number() * 1000,
          'approximate',
          'maxLifetimeSeconds × 1000 → ' + 'maxLifetimeMs (the lab adds jitter).',
        );
      },
      keepAlive: (p, r) => {
        p.value('keepAlive', r.boolean(), 'exact', 'keepAlive → keepAlive.');
      },
    });
  },
};
