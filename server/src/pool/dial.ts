import { backoffFor } from './dial-backoff';
import { ERROR_CODES } from '@poolscope/shared/vocabulary';
import { DialError, dialErrorCode } from './dial-error';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason, ConnectionState } from '@poolscope/shared/vocabulary';
import type { EventBus } from './event-bus';
import type { LatencyWindow } from './latency-window';
import type { Connector, Link } from './link';
import { PooledConnection, type RequestRunner } from './pooled-connection';
import type { TargetEntry } from './target-set';
import type { PoolCounters } from './types';

/** What a dial needs of the pool (PoolEngine is one): the dial never imports its owner. */
export interface DialHost extends RequestRunner {
  readonly config: Readonly<PoolConfig>;
  readonly connector: Connector;
  readonly random: () => number;
  readonly instrumented: boolean;
  readonly all: Set<PooledConnection>;
  /** Sockets the pool may hold at once (0 = no budget): a dial past it fails with POOL_SOCKET_BUDGET. */
  readonly socketBudget: number;
  readonly count: Record<ConnectionState, number>;
  readonly counters: PoolCounters;
  readonly window: LatencyWindow;
  readonly events: EventBus;
  nextConnectionId: number;
  lastDialError: string | null;
  place(connection: PooledConnection, nowMs: number, coldEnd: boolean): void;
  retire(connection: PooledConnection, reason: CloseReason): void;
  dialSettled(): void;
}

/**
 * Starts one dial; the connection exists (state connecting) from now on, so it counts against maxOpen.
 * Past the socket budget the dial fails at once (POOL_SOCKET_BUDGET), counted like any failed dial;
 * its backoff is what stops the refill loop from trying again until a socket may be free.
 */
export function startDial(engine: DialHost, entry: TargetEntry): void {
  if (engine.socketBudget > 0 && engine.all.size >= engine.socketBudget) {
    const error = new DialError(ERROR_CODES.socketBudget, `socket budget reached: ${engine.all.size} of ${engine.socketBudget} sockets in use`);
    return countDialFailure(engine, entry, error);
  }
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

function dialed(engine: DialHost, connection: PooledConnection, link: Link, startedMs: number): void {
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

function dialFailed(engine: DialHost, connection: PooledConnection, error: unknown): void {
  const entry = connection.entry;
  engine.count.connecting--;
  engine.all.delete(connection);
  entry.open--;
  countDialFailure(engine, entry, error);
  engine.dialSettled();
}

function countDialFailure(engine: DialHost, entry: TargetEntry, error: unknown): void {
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
}
