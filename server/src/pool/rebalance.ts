import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { CloseReason } from '@poolscope/shared/vocabulary';
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

/** What rebalancing needs of the pool (PoolEngine is one): read-outs and two actions, none of its state. */
export interface RebalanceHost {
  readonly isClosed: boolean;
  readonly config: Readonly<Pick<PoolConfig, 'maxOpen'>>;
  readonly states: { readonly open: number };
  readonly targets: { list(): readonly TargetEntry[] };
  readonly idleList: IdleList;
  retire(record: ConnectionRecord, reason: CloseReason): void;
  /** Dials `entry` now if there is room (pool open, below maxOpen, within the socket budget). */
  dialIfRoom(entry: TargetEntry): void;
}

/**
 * Rebalancing's two bits of memory between calls: the target whose next released connection
 * moves (no idle one there at the pass), and the target the next dial goes to (a move's close
 * may trigger a refill before the move dials itself).
 */
export class Rebalancer {
  #from: TargetEntry | null = null;
  #steerTo: TargetEntry | null = null;

  constructor(private readonly host: RebalanceHost) {}

  /**
   * One step toward the even spread of a pool at its cap, called once per housekeeping pass: the
   * coldest idle connection on the target holding the most closes ('shrink') and one is dialled
   * to the target holding the fewest; with none idle there, the next one released there moves.
   * One step a pass on purpose: each step closes a warm connection and dials a target that was
   * just down, so a burst would churn sockets and stampede it; at one a second a 4 + 0 spread is
   * 2 + 2 in two passes.
   */
  step(nowMs: number): void {
    const host = this.host;
    this.#from = null;
    if (host.isClosed || host.config.maxOpen === 0 || host.states.open < host.config.maxOpen) return;
    const move = rebalanceMove(host.targets.list(), nowMs);
    if (move === undefined) return;
    const idle = coldestIdleOn(host.idleList, move.from);
    if (idle === undefined) this.#from = move.from;
    else this.#moveTo(idle, move.to);
  }

  /** A connection just freed: true if it moved (closed, a dial to the target holding the fewest in its place). */
  movedOnRelease(record: ConnectionRecord, nowMs: number): boolean {
    // On every release: one comparison unless a pass left a move pending on this target.
    if (this.#from !== record.entry) return false;
    this.#from = null;
    const move = rebalanceMove(this.host.targets.list(), nowMs);
    if (move === undefined || move.from !== record.entry) return false;
    this.#moveTo(record, move.to);
    return true;
  }

  /** Where the next dial goes, if a move is under way and its target still takes dials; once. */
  takeSteer(nowMs: number): TargetEntry | null {
    const entry = this.#steerTo;
    this.#steerTo = null;
    return entry !== null && !entry.removed && !entry.inBackoff(nowMs) ? entry : null;
  }

  /** Closes `record` and dials `to` in its place: by the refill its close triggers if there is demand, else here. */
  #moveTo(record: ConnectionRecord, to: TargetEntry): void {
    this.#steerTo = to;
    this.host.retire(record, 'shrink');
    if (this.#steerTo !== null) this.host.dialIfRoom(to);
    this.#steerTo = null;
  }
}
