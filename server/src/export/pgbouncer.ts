import type { PoolConfig } from '@poolscope/shared/pool-config';
import { KnobNotes } from './knob-notes';
import type { PoolLibrary } from './pool-library';

const seconds = (ms: number) => String(ms / 1000);

/** The [pgbouncer] ini lines (PgBouncer 1.2x; time settings are seconds, fractions allowed). */
export const pgbouncer: PoolLibrary = {
  id: 'pgbouncer',
  title: 'PgBouncer',
  format: 'ini',
  exportPool(c: PoolConfig) {
    const notes = new KnobNotes('PgBouncer');
    const lines = [
      '[pgbouncer]',
      `default_pool_size = ${c.maxOpen === 0 ? 5000 : c.maxOpen}`,
      `min_pool_size = ${c.minIdle}`,
      `query_wait_timeout = ${seconds(c.acquireTimeoutMs)}`,
      `server_connect_timeout = ${seconds(c.dialTimeoutMs)}`,
      `server_idle_timeout = ${seconds(c.idleTimeoutMs)}`,
      `server_lifetime = ${seconds(c.maxLifetimeMs)}`,
      `server_check_delay = ${seconds(c.validateAfterIdleMs)}`,
      `tcp_keepalive = ${c.keepAlive ? 1 : 0}`,
    ];
    notes.approximate(
      'maxOpen',
      'default_pool_size: server connections per user/database pair (reserve_pool_size and ' + 'max_db_connections add to and cap it).',
    );
    notes.approximate(
      'minIdle',
      'min_pool_size: a floor on server connections, kept only while clients are connected or the ' + 'pool was used.',
    );
    notes.none('maxIdle', 'PgBouncer keeps idle server connections until server_idle_timeout.');
    notes.approximate('maxWaiters', 'max_client_conn caps all client connections, not the waiting ones.');
    notes.exact('acquireTimeoutMs', 'query_wait_timeout: a client waiting longer for a server connection is disconnected.');
    notes.exact('dialTimeoutMs', 'server_connect_timeout: how long a server connect may take.');
    notes.exact('idleTimeoutMs', 'server_idle_timeout (0 = never, as in the lab).');
    notes.approximate(
      'maxLifetimeMs',
      'server_lifetime (0 = forever): PgBouncer spaces closes at least lifetime / pool size ' + 'apart instead of jitter.',
    );
    notes.approximate('healthCheckMethod', 'server_check_query (an empty query by default) is a round trip on reuse.');
    notes.exact('validateAfterIdleMs', 'server_check_delay: a connection idle this long is checked before reuse (0 = every time).');
    notes.none('healthCheckTimeoutMs', 'No check timeout of its own; query_timeout would apply.');
    notes.none(
      'heartbeatIntervalMs',
      'PgBouncer does not ping idle server connections; TCP keepalive (tcp_keepidle/intvl/cnt) ' + 'is its only keep-alive.',
    );
    notes.none('idleOrder', 'LIFO reuse; server_round_robin = 1 spreads use instead.');
    notes.exact('keepAlive', 'tcp_keepalive (on by default; the OS timings apply).');
    notes.approximate(
      'leakDetectionThresholdMs',
      'idle_transaction_timeout / transaction_timeout disconnect a client holding a ' + 'transaction; nothing only flags it.',
    );
    notes.none('shutdownGraceMs', 'SHUTDOWN WAIT_FOR_CLIENTS or shutdown_wait_timeout (1.23+) governs a graceful stop.');
    return { text: `${lines.join('\n')}\n`, notes: notes.finish() };
  },
};
