import type { ConnectionRecord } from './connection-record';
import type { IdleList } from './shed';
import type { TargetEntry } from './target-set';

/**
 * The move that evens the spread of a pool at its cap: one connection from the reachable target
 * holding the most to the one holding the fewest, when they differ by two or more (by one is as
 * even as it gets). Targets in dial backoff take no part. Without this, connections dialled
 * while one of two targets was in backoff all stayed on the other once it was back (4 + 0):
 * at the cap nothing dials, and only shrinking rebalances (shed.ts).
 */
export function rebalanceMove(entries: readonly TargetEntry[], nowMs: number): { from: TargetEntry; to: TargetEntry } | undefined {
  let from: TargetEntry | undefined;
  let to: TargetEntry | undefined;
  for (const entry of entries) {
    if (entry.inBackoff(nowMs)) continue;
    if (from === undefined || entry.open > from.open) from = entry;
    if (to === undefined || entry.open < to.open) to = entry;
  }
  if (from === undefined || to === undefined || from.open - to.open < 2) return undefined;
  return { from, to };
}

/** The coldest idle connection to `entry`, if any. */
export function coldestIdleOn(idle: IdleList, entry: TargetEntry): ConnectionRecord | undefined {
  for (let i = 0; i < idle.length; i++) {
    const record = idle.at(i)!;
    if (record.entry === entry) return record;
  }
  return undefined;
}
