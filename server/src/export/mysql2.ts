import type { PoolConfig } from '@poolscope/shared/pool-config';
import { importJsonOptions, jsonText } from './json-import';
import { KnobNotes } from './knob-notes';
import type { PoolLibrary } from './pool-library';

const TITLE = 'mysql2 pool';

/** JSON options for mysql2's `createPool(options)` (3.x); add host, user, database. */
export const mysql2: PoolLibrary = {
  id: 'mysql2',
  title: TITLE,
  format: 'json',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const maxIdle = c.maxOpen === 0 ? c.maxIdle : Math.min(c.maxIdle, c.maxOpen);
    const options = {
      connectionLimit: c.maxOpen,
      maxIdle,
      ...(c.idleTimeoutMs > 0 ? { idleTimeout: c.idleTimeoutMs } : {}),
      waitForConnections: true,
      queueLimit: c.maxWaiters,
      connectTimeout: c.dialTimeoutMs,
      enableKeepAlive: c.keepAlive,
    };
    notes.exact('maxOpen', 'connectionLimit (0 = unlimited, as in the lab).');
    notes.none('minIdle', 'mysql2 does not dial ahead of demand.');
    notes.approximate(
      'maxIdle',
      'maxIdle: idle connections beyond it are closed by a reaper (every second, once idle for ' + 'idleTimeout), not at release.',
    );
    notes.exact('maxWaiters', 'queueLimit (0 = unbounded, as in the lab); waitForConnections true queues instead of failing.');
    notes.none('acquireTimeoutMs', 'mysql2 waits for a connection forever: wrap getConnection() in your own timeout.');
    notes.exact('dialTimeoutMs', 'connectTimeout: how long a connect may take.');
    const idleInert = c.maxOpen !== 0 && maxIdle >= c.maxOpen;
    notes.approximate(
      'idleTimeoutMs',
      c.idleTimeoutMs === 0
        ? 'idleTimeout left out: mysql2 closes idle connections beyond maxIdle after 60 s (its default); the lab keeps them.'
        : idleInert
          ? 'idleTimeout does nothing while maxIdle equals connectionLimit (the reaper runs only when maxIdle < connectionLimit): ' +
            'lower maxIdle for it to act.'
          : 'idleTimeout: the reaper closes connections idle this long, but only down to maxIdle (the lab goes down to minIdle).',
    );
    notes.none('maxLifetimeMs', 'mysql2 has no lifetime limit.');
    notes.none('healthCheckMethod', 'mysql2 does not check a connection on borrow.');
    notes.none('validateAfterIdleMs', 'mysql2 has no borrow check.');
    notes.none('healthCheckTimeoutMs', 'mysql2 runs no health checks.');
    notes.none('heartbeatIntervalMs', 'mysql2 does not ping idle connections; enableKeepAlive is the only keep-alive.');
    notes.add(
      'idleOrder',
      c.idleOrder === 'lifo' ? 'exact' : 'none',
      'mysql2 reuses the most recently released connection ' + '(LIFO); waiters are served in order.',
    );
    notes.exact('keepAlive', 'enableKeepAlive (default true).');
    notes.none('leakDetectionThresholdMs', 'mysql2 has no leak detection.');
    return { text: jsonText(options), notes: notes.finish() };
  },
  importText(text: string) {
    return importJsonOptions(text, {
      connectionLimit: (p, r) => {
        p.number('maxOpen', r.number(), 'exact', 'connectionLimit → maxOpen.');
      },
      maxIdle: (p, r) => {
        p.number('maxIdle', r.number(), 'approximate', "maxIdle → maxIdle (trimmed by mysql2's reaper, not " + 'at release).');
      },
      idleTimeout: (p, r) => {
        p.number('idleTimeoutMs', r.number(), 'approximate', 'idleTimeout → idleTimeoutMs.');
      },
      queueLimit: (p, r) => {
        p.number('maxWaiters', r.number(), 'exact', 'queueLimit → maxWaiters.');
      },
      waitForConnections: (p, r) => {
        if (!r.boolean()) p.note('maxWaiters', 'none', 'waitForConnections false (no waiting at all) has no lab equivalent.');
      },
      connectTimeout: (p, r) => {
        p.number('dialTimeoutMs', r.number(), 'exact', 'connectTimeout → dialTimeoutMs.');
      },
      enableKeepAlive: (p, r) => {
        p.value('keepAlive', r.boolean(), 'exact', 'enableKeepAlive → keepAlive.');
      },
    });
  },
};
