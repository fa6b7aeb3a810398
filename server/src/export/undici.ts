import type { PoolConfig } from '@poolscope/shared/pool-config';
import { importJsonOptions, jsonText } from './json-import';
import { KnobNotes } from './knob-notes';
import type { PoolLibrary } from './pool-library';

const TITLE = 'undici Pool';
/** undici rejects keepAliveTimeout 0; its own cap on a server's keep-alive hint is 10 min. */
const KEEPALIVE_NEVER_MS = 600_000;

/** JSON options for undici's `new Pool(origin, options)` (v7; v8 takes the same options for these knobs). */
export const undici: PoolLibrary = {
  id: 'undici',
  title: TITLE,
  format: 'json',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes(TITLE);
    const keepAliveTimeout = c.idleTimeoutMs === 0 ? KEEPALIVE_NEVER_MS : c.idleTimeoutMs;
    const options = {
      connections: c.maxOpen === 0 ? null : c.maxOpen,
      connectTimeout: c.dialTimeoutMs,
      keepAliveTimeout,
      ...(c.maxLifetimeMs > 0 ? { clientTtl: c.maxLifetimeMs } : {}),
    };
    notes.approximate(
      'maxOpen',
      "connections (null = unlimited, as the lab's 0): a cap on Clients; with pipelining 1 (the " +
        'default) each Client carries one request at a time.',
    );
    notes.none('minIdle', 'undici does not dial ahead of demand.');
    notes.none('maxIdle', 'undici keeps every idle socket until keepAliveTimeout.');
    notes.none('maxWaiters', "The Pool's request queue is unbounded.");
    notes.none(
      'acquireTimeoutMs',
      'A queued request waits for a free Client without a bound; headersTimeout (300 s) starts ' + 'once it is sent. Use an AbortSignal.',
    );
    notes.exact('dialTimeoutMs', 'connectTimeout: how long a connect may take (default 10 s).');
    notes.add(
      'idleTimeoutMs',
      c.idleTimeoutMs === 0 ? 'approximate' : 'exact',
      c.idleTimeoutMs === 0
        ? `undici has no "never" (keepAliveTimeout must be > 0): the export writes ${KEEPALIVE_NEVER_MS} ms, its cap on server hints.`
        : "keepAliveTimeout: an idle socket closes after this (a server's Keep-Alive hint, less keepAliveTimeoutThreshold, can " +
            'shorten it).',
    );
    notes.add(
      'maxLifetimeMs',
      c.maxLifetimeMs === 0 ? 'exact' : 'approximate',
      c.maxLifetimeMs === 0
        ? "clientTtl left out: Clients live forever, as the lab's 0."
        : 'clientTtl: a Client older than this is closed when next picked for a request (not on a timer); no jitter.',
    );
    notes.none(
      'healthCheckMethod',
      'undici does not check a socket before use; a socket the server closed fails the request ' +
        '(UND_ERR_SOCKET) and is retried only for idempotent requests.',
    );
    notes.none('validateAfterIdleMs', 'undici has no borrow check.');
    notes.none('healthCheckTimeoutMs', 'undici runs no health checks.');
    notes.none('heartbeatIntervalMs', 'undici does not ping idle sockets.');
    notes.approximate(
      'watchIdle',
      "undici reads idle sockets, so it notices a server's close at once, like watchIdle on (a " + 'request can still race it).',
    );
    notes.none('idleOrder', 'undici picks the first free Client in creation order.');
    notes.approximate('keepAlive', 'The connector sets SO_KEEPALIVE on by default (connect.keepAlive, initial delay 60 s).');
    notes.none(
      'leakDetectionThresholdMs',
      'A request holds its Client until its body is consumed; bodyTimeout (300 s) is the ' + 'nearest bound.',
    );
    notes.none('shutdownGraceMs', 'pool.close() waits for queued requests to finish; pool.destroy() aborts them.');
    return { text: jsonText(options), notes: notes.finish() };
  },
  importText(text: string) {
    return importJsonOptions(text, {
      connections: (p, r) => {
        const raw = r.raw();
        const value = raw === null ? 0 : r.number();
        p.number('maxOpen', value, 'approximate', 'connections → maxOpen (null = unlimited = 0).');
        p.number('maxIdle', value === 0 ? 5000 : value, 'approximate', 'undici keeps every idle socket: maxIdle = connections.');
      },
      connectTimeout: (p, r) => {
        p.number('dialTimeoutMs', r.number(), 'exact', 'connectTimeout → dialTimeoutMs.');
      },
      keepAliveTimeout: (p, r) => {
        p.number('idleTimeoutMs', r.number(), 'exact', 'keepAliveTimeout → idleTimeoutMs.');
      },
      clientTtl: (p, r) => {
        const raw = r.raw();
        p.number('maxLifetimeMs', raw === null ? 0 : r.number(), 'approximate', 'clientTtl → maxLifetimeMs (checked lazily by undici).');
      },
    });
  },
};
