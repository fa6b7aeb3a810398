import type { LabEvent } from '@poolscope/shared/events';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { CloseReason, ConnectionState } from '@poolscope/shared/vocabulary';

/** A stretch of time one connection spent in one state, as sampled by the snapshots. */
export interface StateRun {
  state: ConnectionState;
  from: number;
  to: number;
}

export interface Lifetime {
  id: number;
  targetId: string;
  openedAt: number;
  closedAt: number | null;
  /** Null while open, or closed without its close event seen yet. */
  reason: CloseReason | null;
  uses: number;
  runs: StateRun[];
}

/** How far back the lifetimes reach; older runs and connections closed before it are dropped. */
export const LIFETIMES_SPAN_MS = 60_000;
/** A connection first listed younger than this is drawn from its open time, not from first sight. */
const FRESH_MS = 250;

/**
 * Recent connection lifetimes, built on the client from what the lab already sends: each
 * snapshot's connection list gives the state at that tick (so runs are sampled at 10 Hz, and
 * a borrow shorter than a tick may not show), and the `connection-opened` / `connection-closed`
 * events give exact open and close times and the close reason. Memory is bounded by the span.
 */
export class ConnectionLifetimes {
  private readonly byId = new Map<number, Lifetime>();

  /** A snapshot, or arm B's part of one with the snapshot's time. */
  observeSnapshot(s: Pick<Snapshot, 't' | 'connections' | 'connectionCounts'>): void {
    const listed = new Set<number>();
    for (const c of s.connections) {
      listed.add(c.id);
      const life = this.byId.get(c.id) ?? this.track(c.id, c.targetId, s.t - c.ageMs);
      if (life.closedAt !== null) continue; // a close event overtook the snapshot
      life.uses = c.uses;
      this.extend(life, c.state, s.t, c.ageMs <= FRESH_MS ? life.openedAt : s.t);
    }
    // With the whole list sent, a connection missing from it has closed; its event brings the reason.
    if (s.connectionCounts.listed === s.connectionCounts.total) {
      for (const life of this.byId.values()) if (life.closedAt === null && !listed.has(life.id)) this.close(life, s.t, null);
    }
    this.prune(s.t);
  }

  observeEvent(e: LabEvent): void {
    if (e.type === 'connection-opened') {
      const life = this.byId.get(e.connectionId) ?? this.track(e.connectionId, e.targetId, e.t);
      life.openedAt = Math.min(life.openedAt, e.t);
    } else if (e.type === 'connection-closed') {
      const life = this.byId.get(e.connectionId) ?? this.track(e.connectionId, e.targetId, e.t - e.ageMs);
      life.uses = e.uses;
      this.close(life, e.t, e.reason);
    }
  }

  /** Lifetimes that overlap [now - span, now], newest first. */
  recent(now: number): Lifetime[] {
    const since = now - LIFETIMES_SPAN_MS;
    return [...this.byId.values()]
      .filter((l) => (l.closedAt ?? Number.POSITIVE_INFINITY) >= since && l.openedAt <= now)
      .sort((a, b) => b.openedAt - a.openedAt || b.id - a.id);
  }

  clear(): void {
    this.byId.clear();
  }

  private track(id: number, targetId: string, openedAt: number): Lifetime {
    const life: Lifetime = { id, targetId, openedAt, closedAt: null, reason: null, uses: 0, runs: [] };
    this.byId.set(id, life);
    return life;
  }

  /** The state seen at `t` holds from the previous sample (or `firstFrom`) until `t`. */
  private extend(life: Lifetime, state: ConnectionState, t: number, firstFrom: number): void {
    const last = life.runs.at(-1);
    if (!last) life.runs.push({ state, from: firstFrom, to: t });
    else if (last.state === state) last.to = t;
    else life.runs.push({ state, from: last.to, to: t });
  }

  private close(life: Lifetime, t: number, reason: CloseReason | null): void {
    const closedAt = life.closedAt === null ? t : Math.min(life.closedAt, t);
    life.closedAt = closedAt;
    if (reason) life.reason = reason;
    life.runs = life.runs.filter((r) => r.from < closedAt);
    // The last state seen lasted until the close (the next sample would have shown otherwise).
    const last = life.runs.at(-1);
    if (last) last.to = closedAt;
  }

  private prune(now: number): void {
    const since = now - LIFETIMES_SPAN_MS;
    for (const [id, life] of this.byId) {
      if (life.closedAt !== null && life.closedAt < since) {
        this.byId.delete(id);
        continue;
      }
      const firstKept = life.runs.findIndex((r) => r.to >= since);
      if (firstKept > 0) life.runs.splice(0, firstKept);
    }
  }
}
