import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
import type { ConnectionRecord } from './connection-record';
import { shedRank } from './shed';
import type { TargetEntry } from './target-set';

export interface IdleSweep {
  close: { connection: ConnectionRecord; reason: CloseReason }[];
  heartbeat: ConnectionRecord[];
}

/**
 * Decides which idle connections the reaper closes (expired lifetime; idle timeout, down to
 * minIdle) and which are due a heartbeat check. When minIdle keeps some of the timed-out ones,
 * the ones kept are chosen to stay spread across targets (see shed.ts), not merely the newest.
 * Pure: the pool acts on it.
 */
export function sweepIdle(idleOldestFirst: Iterable<ConnectionRecord>, idleCount: number, config: PoolConfig, nowMs: number): IdleSweep {
  const sweep: IdleSweep = { close: [], heartbeat: [] };
  const heartbeats = config.heartbeatIntervalMs > 0 && config.healthCheckMethod !== 'none';
  const timedOut: ConnectionRecord[] = [];
  const kept: ConnectionRecord[] = [];
  let idleLeft = idleCount;
  for (const connection of idleOldestFirst) {
    if (connection.expired(nowMs, config.maxLifetimeMs, config.maxLifetimeJitterPct)) {
      sweep.close.push({ connection, reason: 'max-lifetime' });
      idleLeft--;
    } else if (config.idleTimeoutMs > 0 && nowMs - connection.lastUsedAtMs >= config.idleTimeoutMs) {
      timedOut.push(connection);
    } else {
      kept.push(connection);
    }
  }
  const closing = spreadShed(timedOut, Math.max(0, idleLeft - config.minIdle), sweep.close, nowMs);
  for (const connection of timedOut) {
    if (closing.has(connection)) sweep.close.push({ connection, reason: 'idle-timeout' });
    else kept.push(connection);
  }
  if (!heartbeats) return sweep;
  for (const connection of kept) {
    if (nowMs - Math.max(connection.lastUsedAtMs, connection.lastCheckedAtMs) >= config.heartbeatIntervalMs)
      sweep.heartbeat.push(connection);
  }
  return sweep;
}

/**
 * Up to `count` of `candidates` (oldest first) to close, one at a time from the target that
 * would then hold the most open connections, counting those already being closed as gone.
 */
function spreadShed(
  candidates: ConnectionRecord[],
  count: number,
  alreadyClosing: IdleSweep['close'],
  nowMs: number,
): Set<ConnectionRecord> {
  if (count >= candidates.length) return new Set(candidates);
  const open = new Map<TargetEntry, number>();
  const rankOf = (entry: TargetEntry) => open.get(entry) ?? shedRank(entry, nowMs);
  for (const { connection } of alreadyClosing) open.set(connection.entry, rankOf(connection.entry) - 1);
  const chosen = new Set<ConnectionRecord>();
  while (chosen.size < count) {
    let best: ConnectionRecord | undefined;
    for (const c of candidates) if (!chosen.has(c) && (best === undefined || rankOf(c.entry) > rankOf(best.entry))) best = c;
    chosen.add(best!);
    open.set(best!.entry, rankOf(best!.entry) - 1);
  }
  return chosen;
}

/** How often the housekeeping timer runs: a quarter of the shortest period it enforces, 10 ms to 1 s. */
export function housekeepingIntervalMs(config: PoolConfig): number {
  const periods = [config.idleTimeoutMs, config.heartbeatIntervalMs, config.leakDetectionThresholdMs, config.maxLifetimeMs];
  const shortest = Math.min(4000, ...periods.filter((p) => p > 0));
  return Math.min(1000, Math.max(10, Math.floor(shortest / 4)));
}
