import { backoffFor } from './dial-backoff';
import { dialErrorCode } from './dial-error';
import type { Link } from './link';
import { PooledConnection } from './pooled-connection';
import type { PoolEngine } from './pool-engine';
import type { TargetEntry } from './target-set';

/** Starts one dial; the connection exists (state connecting) from now on, so it counts against maxOpen. */
export function startDial(engine: PoolEngine, entry: TargetEntry): void {
  const startedMs = performance.now();
  const connection = new PooledConnection(engine.nextConnectionId++, entry, startedMs, engine.random, engine);
  engine.all.add(connection);
  engine.count.connecting++;
  entry.open++;
  engine.counters.dials++;
  const { dialTimeoutMs, keepAlive, noDelay } = engine.config;
  engine.connector.dial(entry.target, { timeoutMs: dialTimeoutMs, keepAlive, noDelay }).then(
    (link) => dialed(engine, connection, link, startedMs),
    (error: unknown) => dialFailed(engine, connection, error),
  );
}

function dialed(engine: PoolEngine, connection: PooledConnection, link: Link, startedMs: number): void {
  const nowMs = performance.now();
  connection.link = link;
  connection.lastUsedAtMs = nowMs;
  connection.lastCheckedAtMs = nowMs;
  connection.entry.consecutiveFailures = 0;
  // With watchIdle off the socket still records the close (probe reads it); the pool just does not act.
  link.onPeerGone = () => {
    if (connection.state === 'idle' && engine.config.watchIdle) engine.retire(connection, 'remote-closed');
  };
  link.maxUnexpectedBytes = engine.config.maxFrameBytes;
  link.onUnexpectedOverflow = () => engine.retire(connection, 'unexpected-bytes');
  if (engine.instrumented) {
    engine.window.record('dialMs', nowMs - startedMs);
    if (engine.events.listening) {
      engine.events.emit({ t: Date.now(), type: 'connection-opened', connectionId: connection.id, targetId: connection.targetId, dialMs: Math.round(nowMs - startedMs) });
    }
  }
  engine.place(connection, nowMs, false);
}

function dialFailed(engine: PoolEngine, connection: PooledConnection, error: unknown): void {
  const entry = connection.entry;
  engine.count.connecting--;
  engine.all.delete(connection);
  entry.open--;
  const code = dialErrorCode(error);
  const counters = engine.counters;
  counters.dialFailures++;
  counters.dialFailuresByCode[code] = (counters.dialFailuresByCode[code] ?? 0) + 1;
  entry.dialFailures++;
  entry.consecutiveFailures++;
  const backoffMs = backoffFor(entry, engine.config, engine.random);
  entry.lastError = engine.lastDialError = `${code} ${entry.address}`;
  if (engine.events.listening) {
    const message = error instanceof Error ? error.message : String(error);
    engine.events.emit({ t: Date.now(), type: 'dial-failed', targetId: entry.target.id, code, message, backoffMs });
  }
  engine.dialSettled();
}
