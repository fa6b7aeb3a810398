import type { PoolConfig } from '@poolscope/shared/pool-config';
import { KnobNotes } from './knob-notes';
import type { PoolLibrary } from './pool-library';
import { goDurationExpr } from './units';

/** Go database/sql: the db.Set… calls on a *sql.DB. */
export const databaseSql: PoolLibrary = {
  id: 'database-sql',
  title: 'database/sql',
  format: 'go',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes('database/sql');
    const lines = [
      `db.SetMaxOpenConns(${c.maxOpen})`,
      `db.SetMaxIdleConns(${c.maxIdle})`,
      `db.SetConnMaxIdleTime(${goDurationExpr(c.idleTimeoutMs)})`,
      `db.SetConnMaxLifetime(${goDurationExpr(c.maxLifetimeMs)})`,
      `// Bound each acquire with the caller's context: ctx, cancel := context.WithTimeout(ctx, ${goDurationExpr(c.acquireTimeoutMs)})`,
    ];
    notes.exact('maxOpen', 'SetMaxOpenConns (0 = unlimited, as in the lab).');
    notes.exact(
      'maxIdle',
      'SetMaxIdleConns: a release beyond it closes the connection (counted in DBStats.MaxIdleClosed); 0 ' +
        'keeps none. Never setting it means 2.',
    );
    notes.none('minIdle', 'database/sql does not dial ahead of demand.');
    notes.none('maxWaiters', "database/sql's waiters are unbounded.");
    notes.approximate(
      'acquireTimeoutMs',
      'No pool knob: the context passed to QueryContext/Conn bounds the wait and the ' + 'connect together.',
    );
    notes.approximate('dialTimeoutMs', "The driver's job (a connect_timeout in its DSN, or a Connector with a dialer timeout).");
    notes.exact('idleTimeoutMs', 'SetConnMaxIdleTime (0 = never, as in the lab); the cleaner runs at least every second.');
    notes.approximate(
      'maxLifetimeMs',
      'SetConnMaxLifetime (0 = forever): checked on get/put and by the cleaner; no jitter, so ' +
        'connections opened together retire together.',
    );
    notes.approximate(
      'healthCheckMethod',
      "database/sql has no check of its own: the driver's ResetSession/IsValid run on " +
        'reuse, and ErrBadConn retries twice, then dials.',
    );
    notes.none('validateAfterIdleMs', 'No idle threshold: the driver decides on every reuse.');
    notes.none('healthCheckTimeoutMs', "The context's deadline bounds any check.");
    notes.none('heartbeatIntervalMs', 'database/sql never pings idle connections; run db.PingContext yourself.');
    notes.none(
      'idleOrder',
      'database/sql reuses the most recently released connection (LIFO) and hands waiting requests ' + 'connections in random order.',
    );
    notes.none('leakDetectionThresholdMs', 'database/sql has no leak detection (DBStats.InUse shows held connections).');
    notes.none('shutdownGraceMs', 'db.Close() waits for in-use connections to be released before closing them.');
    return { text: `${lines.join('\n')}\n`, notes: notes.finish() };
  },
};

/** Go net/http: an http.Transport literal for one host. */
export const httpTransport: PoolLibrary = {
  id: 'http-transport',
  title: 'net/http Transport',
  format: 'go',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes('http.Transport');
    const keepAlive = c.keepAlive ? '30 * time.Second' : '-1 // SO_KEEPALIVE off';
    const noIdle = c.maxIdle === 0;
    const lines = [
      'transport := &http.Transport{',
      `\tMaxConnsPerHost:     ${c.maxOpen},`,
      ...(noIdle
        ? ['\tDisableKeepAlives:   true, // keep no idle connections (MaxIdleConnsPerHost 0 would mean 2)']
        : [`\tMaxIdleConnsPerHost: ${c.maxIdle},`, `\tMaxIdleConns:        ${c.maxIdle},`]),
      `\tIdleConnTimeout:     ${goDurationExpr(c.idleTimeoutMs)},`,
      `\tDialContext: (&net.Dialer{Timeout: ${goDurationExpr(c.dialTimeoutMs)}, KeepAlive: ${keepAlive}}).DialContext,`,
      '}',
      `// Bound each request (queue wait included) with its context: ctx, cancel := context.WithTimeout(ctx, ` +
        `${goDurationExpr(c.acquireTimeoutMs)})`,
    ];
    notes.exact('maxOpen', 'MaxConnsPerHost (0 = unlimited, as in the lab); it counts dialing connections too.');
    notes.exact(
      'maxIdle',
      noIdle
        ? 'DisableKeepAlives: Go keeps no idle connections (MaxIdleConnsPerHost 0 would mean its default, 2).'
        : 'MaxIdleConnsPerHost (and MaxIdleConns, the total over hosts).',
    );
    notes.none('minIdle', 'http.Transport does not dial ahead of demand.');
    notes.none('maxWaiters', 'Requests waiting for a connection to a host are unbounded (served in order).');
    notes.approximate(
      'acquireTimeoutMs',
      "No transport knob: the request's context (or Client.Timeout) bounds the wait, the " + 'dial and the response together.',
    );
    notes.exact('dialTimeoutMs', 'net.Dialer.Timeout (TLS has its own TLSHandshakeTimeout).');
    notes.exact('idleTimeoutMs', 'IdleConnTimeout (0 = never, as in the lab): a timer per idle connection.');
    notes.none(
      'maxLifetimeMs',
      'http.Transport has no lifetime limit: close idle connections with CloseIdleConnections on a ' + 'timer if you need one.',
    );
    notes.approximate('healthCheckMethod', 'No check is needed: a read loop on every idle connection sees the server close it.');
    notes.none('validateAfterIdleMs', 'No borrow check (see healthCheckMethod).');
    notes.none('healthCheckTimeoutMs', 'No checks to time.');
    notes.none('heartbeatIntervalMs', 'HTTP/1 idle connections are never pinged; TCP keepalive keeps them alive.');
    notes.approximate('watchIdle', 'The read loop notices a server close at once, like watchIdle on.');
    notes.none('idleOrder', 'The most recently used idle connection is reused (LIFO).');
    notes.exact('keepAlive', 'net.Dialer.KeepAlive (30 s period; a negative value turns SO_KEEPALIVE off).');
    notes.none('leakDetectionThresholdMs', 'A response body not closed holds its connection; Go has no detection.');
    return { text: `${lines.join('\n')}\n`, notes: notes.finish() };
  },
};
