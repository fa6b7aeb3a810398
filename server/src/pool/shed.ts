import type { ConnectionRecord } from './connection-record';
import type { TargetEntry } from './target-set';

/** Idle connections by index, coldest first (the pool's Deque is one, so is an array). */
export interface IdleList {
  readonly length: number;
  at(index: number): ConnectionRecord | undefined;
}

/** Above any open count: a target in dial backoff sheds its connections before a healthy one does. */
const BACKOFF_RANK = 1e9;

/**
 * How much a target's connections should go first when the pool sheds some (shrink, excess idle):
 * its open count, so survivors stay spread across targets as the round-robin dial spread them,
 * and a target in dial backoff first of all. Without this, shrinking 50 -> 4 under load closed
 * whichever connections came back first and left all 4 on one target.
 */
export function shedRank(entry: TargetEntry, nowMs: number): number {
  return entry.open + (entry.inBackoff(nowMs) ? BACKOFF_RANK : 0);
}

/** The highest rank among `entries` (-1 when there are none). */
export function highestShedRank(entries: Iterable<TargetEntry>, nowMs: number): number {
  let highest = -1;
  for (const entry of entries) highest = Math.max(highest, shedRank(entry, nowMs));
  return highest;
}

/**
 * The idle connection to shed, coldest first: one on a target of the highest rank among the idle
 * ones, or with `atLeastRank`, only one whose target ranks that high (undefined if none does).
 */
export function idleToShed(idle: IdleList, nowMs: number, atLeastRank = -1): ConnectionRecord | undefined {
  let best: ConnectionRecord | undefined;
  let bestRank = atLeastRank - 1;
  for (let i = 0; i < idle.length; i++) {
    const connection = idle.at(i)!;
    const rank = shedRank(connection.entry, nowMs);
    if (rank > bestRank) {
      best = connection;
      bestRank = rank;
    }
  }
  return best;
}
