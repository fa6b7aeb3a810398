import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
import type { PooledConnection } from './pooled-connection';

export interface IdleSweep {
  close: { connection: PooledConnection; reason: CloseReason }[];
  heartbeat: PooledConnection[];
}

/**
 * Decides, oldest idle connection first, which ones the reaper closes (expired lifetime, idle
 * timeout down to minIdle) and which are due a heartbeat check. Pure: the pool acts on it.
 */
export function sweepIdle(idleOldestFirst: Iterable<PooledConnection>, idleCount: number, config: PoolConfig, nowMs: number): IdleSweep {
  const sweep: IdleSweep = { close: [], heartbeat: [] };
  const heartbeats = config.heartbeatIntervalMs > 0 && config.healthCheckMethod !== 'none';
  let idleLeft = idleCount;
  for (const connection of idleOldestFirst) {
    if (connection.expired(nowMs, config.maxLifetimeMs, config.maxLifetimeJitterPct)) {
      sweep.close.push({ connection, reason: 'max-lifetime' });
      idleLeft--;
    } else if (config.idleTimeoutMs > 0 && nowMs - connection.lastUsedAtMs >= config.idleTimeoutMs && idleLeft > config.minIdle) {
      sweep.close.push({ connection, reason: 'idle-timeout' });
      idleLeft--;
    } else if (heartbeats && nowMs - Math.max(connection.lastUsedAtMs, connection.lastCheckedAtMs) >= config.heartbeatIntervalMs) {
      sweep.heartbeat.push(connection);
    }
  }
  return sweep;
}

/** How often the housekeeping timer runs: a quarter of the shortest period it enforces, 10 ms to 1 s. */
export function housekeepingIntervalMs(config: PoolConfig): number {
  const periods = [config.idleTimeoutMs, config.heartbeatIntervalMs, config.leakDetectionThresholdMs, config.maxLifetimeMs];
  const shortest = Math.min(4000, ...periods.filter((p) => p > 0));
  return Math.min(1000, Math.max(10, Math.floor(shortest / 4)));
}
