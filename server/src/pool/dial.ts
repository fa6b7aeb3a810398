import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
import type { ConnectionRecord } from './connection-record';
import { dialErrorCode } from './dial-error';
import type { EventBus } from './event-bus';
import type { LatencyWindow } from './latency-window';
import type { Connector, Link } from './link';
import type { TargetEntry } from './target-set';
import type { PoolCounters } from './types';

/**
 * What a dial needs of the pool (PoolEngine is one): tallies to bump and methods to call, never
 * the pool's state. The record comes from the pool already counted (state connecting), and
 * leaves through `linkReady` or `dialGone`, so every transition stays with the state owner.
 */
export interface DialHost {
  readonly config: Readonly<PoolConfig>;
  readonly connector: Connector;
  readonly random: () => number;
  readonly instrumented: boolean;
  readonly counters: PoolCounters;
  readonly window: LatencyWindow;
  readonly events: EventBus;
  /** The record has its link: place it (a waiter, else idle). */
  linkReady(record: ConnectionRecord, nowMs: number): void;
  /** The dial failed (already counted): forget the record; its slot may be retried elsewhere. */
  dialGone(record: ConnectionRecord): void;
  retire(record: ConnectionRecord, reason: CloseReason): void;
}

/** Dials `record` (state connecting, already counted against maxOpen); the host hears how it ended. */
export function startDial(host: DialHost, record: ConnectionRecord): void {
  const startedMs = performance.now();
  const { dialTimeoutMs, keepAlive, noDelay } = host.config;
  host.counters.dials++;
  host.connector.dial(record.entry.target, { timeoutMs: dialTimeoutMs, keepAlive, noDelay }).then(
    (link) => dialed(host, record, link, startedMs),
    (error: unknown) => {
      countDialFailure(host, record.entry, error);
      host.dialGone(record);
    },
  );
}

function dialed(host: DialHost, record: ConnectionRecord, link: Link, startedMs: number): void {
  const nowMs = performance.now();
  record.link = link;
  record.lastUsedAtMs = nowMs;
  record.lastCheckedAtMs = nowMs;
  record.entry.dialSucceeded();
  // With watchIdle off the socket still records the close (probe reads it); the pool just does not act.
  link.onPeerGone = () => {
    if (record.state === 'idle' && host.config.watchIdle) host.retire(record, 'remote-closed');
  };
  link.maxUnexpectedBytes = host.config.maxFrameBytes;
  link.onUnexpectedOverflow = () => host.retire(record, 'unexpected-bytes');
  if (host.instrumented) {
    host.window.record('dialMs', nowMs - startedMs);
    if (host.events.listening) {
      const dialMs = Math.round(nowMs - startedMs);
      host.events.emit({ t: Date.now(), type: 'connection-opened', connectionId: record.id, targetId: record.targetId, dialMs });
    }
  }
  host.linkReady(record, nowMs);
}

/** A failed dial (or one refused before it began, past the socket budget): counted, and its target backs off. */
export function countDialFailure(host: DialHost, entry: TargetEntry, error: unknown): void {
  const code = dialErrorCode(error);
  const counters = host.counters;
  counters.dialFailures++;
  counters.dialFailuresByCode[code] = (counters.dialFailuresByCode[code] ?? 0) + 1;
  const backoffMs = entry.dialFailed(code, host.config, host.random, performance.now());
  if (host.events.listening) {
    const message = error instanceof Error ? error.message : String(error);
    host.events.emit({ t: Date.now(), type: 'dial-failed', targetId: entry.target.id, code, message, backoffMs });
  }
}
