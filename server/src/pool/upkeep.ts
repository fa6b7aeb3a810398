import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
import type { ConnectionRecord } from './connection-record';
import { sweepIdle } from './housekeeping';
import { highestShedRank, idleToShed, type IdleList } from './shed';
import type { TargetEntry } from './target-set';

/** What upkeep needs of the pool (PoolEngine is one): read-outs and methods, no writable state. */
export interface UpkeepHost {
  readonly config: Readonly<PoolConfig>;
  readonly idleList: IdleList;
  readonly states: { readonly open: number; readonly idle: number; records(): Iterable<ConnectionRecord> };
  readonly targets: { list(): readonly TargetEntry[] };
  retire(record: ConnectionRecord, reason: CloseReason): void;
  heartbeat(record: ConnectionRecord): void;
  rebalance(nowMs: number): void;
  flagLeak(record: ConnectionRecord, nowMs: number): void;
  refill(): void;
}

/** One housekeeping pass: reaper, lifetime, heartbeats, leak detection, one rebalancing step, then refill to minIdle. */
export function housekeep(host: UpkeepHost, nowMs: number): void {
  const config = host.config;
  const sweep = sweepIdle(idleArray(host.idleList), host.states.idle, config, nowMs);
  for (const { connection, reason } of sweep.close) host.retire(connection, reason);
  for (const connection of sweep.heartbeat) host.heartbeat(connection);
  if (config.leakDetectionThresholdMs > 0) {
    for (const record of [...host.states.records()]) {
      if (record.state === 'active' && nowMs - record.borrowedAtMs >= config.leakDetectionThresholdMs) host.flagLeak(record, nowMs);
    }
  }
  host.rebalance(nowMs);
  host.refill();
}

/**
 * Close idle connections now until within maxOpen and maxIdle, coldest first on the targets
 * holding the most (see shed.ts), so survivors stay spread; busy ones retire on release.
 */
export function shrinkIdle(host: UpkeepHost, nowMs: number): void {
  const { maxOpen, maxIdle } = host.config;
  while (maxOpen > 0 && host.states.open > maxOpen) {
    const record = idleToShed(host.idleList, nowMs, highestShedRank(host.targets.list(), nowMs));
    if (record === undefined) break;
    host.retire(record, 'shrink');
  }
  while (host.states.idle > maxIdle) {
    const record = idleToShed(host.idleList, nowMs);
    if (record === undefined) break;
    host.retire(record, 'shrink');
  }
}

/** Destroys every leak suspect's connection ('leak-reclaimed'); their borrowers' later release is a no-op. */
export function reclaimLeaks(host: UpkeepHost): number {
  let reclaimed = 0;
  for (const record of [...host.states.records()]) {
    if (!record.leakSuspect || record.state !== 'active') continue;
    host.retire(record, 'leak-reclaimed');
    reclaimed++;
  }
  return reclaimed;
}

function idleArray(idle: IdleList): ConnectionRecord[] {
  const out: ConnectionRecord[] = [];
  for (let i = 0; i < idle.length; i++) out.push(idle.at(i)!);
  return out;
}
