import { performance } from 'node:perf_hooks';
import { closeReasonForRequestError } from '../wire/close-reason';
import { WireError, WIRE_ERROR_CODES } from '../wire/wire-error';
import type { Link, LinkRequest, ReplySink } from './link';
import type { ConnectionRecord } from './connection-record';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
import type { EventBus } from './event-bus';
import type { LatencyWindow } from './latency-window';
import type { PoolCounters, RequestOptions } from './types';

/** What a request needs of the pool (PoolEngine is one): these steps never import their owner. */
export interface RequestHost {
  readonly config: Readonly<PoolConfig>;
  readonly instrumented: boolean;
  readonly window: LatencyWindow;
  readonly counters: PoolCounters;
  readonly events: EventBus;
  retire(connection: ConnectionRecord, reason: CloseReason): void;
}

/**
 * One request on a borrowed connection. A failure closes the connection (it can no longer be
 * trusted to be in step with its peer) and, on the first request of a reused connection's
 * loan, counts as a stale borrow: the check passed or was skipped, yet the connection was dead.
 * The link's own promise is returned and the connection observes how it ended
 * (settlePooledRequest): an async wrapper here cost a promise hop and a second "then" lookup
 * on the reply per request.
 */
export function runPooledRequest(
  engine: RequestHost,
  connection: ConnectionRecord,
  payload: Buffer,
  options: RequestOptions,
): Promise<Buffer> {
  const link = startOnLink(engine, connection);
  if (link === null) return Promise.reject(notOnLoan(connection));
  return link.request(payload, linkRequestFor(engine, connection, options));
}

/** The same request, its end told to `sink` (a queued pool.request(), which has its own promise). */
export function sendPooledRequest(
  engine: RequestHost,
  connection: ConnectionRecord,
  payload: Buffer,
  options: RequestOptions,
  sink: ReplySink,
): void {
  const link = startOnLink(engine, connection);
  if (link === null) return sink.failed(notOnLoan(connection));
  link.send(payload, linkRequestFor(engine, connection, options), sink);
}

/** The link to send on, with the loan's request bookkeeping done; null if the connection is not on loan. */
function startOnLink(engine: RequestHost, connection: ConnectionRecord): Link | null {
  const link = connection.link;
  if (connection.state !== 'active' || link === null) return null;
  connection.requestFirstOfLoan = connection.firstRequestPending;
  connection.firstRequestPending = false;
  connection.entry.requests++;
  if (engine.instrumented) connection.requestStartedAtMs = performance.now();
  return link;
}

function linkRequestFor(engine: RequestHost, connection: ConnectionRecord, { timeoutMs, framing }: RequestOptions): LinkRequest {
  return { timeoutMs, framing, maxFrameBytes: engine.config.maxFrameBytes, observer: connection };
}

function notOnLoan(connection: ConnectionRecord): WireError {
  return new WireError(WIRE_ERROR_CODES.connectionClosed, `connection ${connection.id} is not on loan (it is ${connection.state})`);
}

/** How the connection's request ended (error null: a reply came). Runs just before the borrower hears. */
export function settlePooledRequest(engine: RequestHost, connection: ConnectionRecord, error: Error | null): void {
  if (error === null) {
    if (engine.instrumented) engine.window.recordRtt(performance.now() - connection.requestStartedAtMs);
    return;
  }
  if (connection.requestFirstOfLoan && isStaleSymptom(error)) countStaleBorrow(engine, connection, error);
  if (connection.state === 'active') engine.retire(connection, closeReasonForRequestError(error));
}

/** A garbled reply is the peer misbehaving, not a dead connection: not a stale borrow. */
function isStaleSymptom(error: unknown): boolean {
  const code = (error as WireError).code;
  return code !== WIRE_ERROR_CODES.badReply && code !== WIRE_ERROR_CODES.frameTooLarge;
}

function countStaleBorrow(engine: RequestHost, connection: ConnectionRecord, error: unknown): void {
  engine.counters.staleBorrows++;
  if (engine.events.listening) {
    const message = error instanceof Error ? error.message : String(error);
    engine.events.emit({ t: Date.now(), type: 'stale-borrow', connectionId: connection.id, targetId: connection.targetId, error: message });
  }
}
