import type { CompareSnapshot, CompareState, KnobDiff, SummaryRow } from '@poolscope/shared/compare';
import type { History } from '@poolscope/shared/history';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { LabConfig } from '@poolscope/shared/protocol';
import { fromHistorySample, SAMPLE_CAPACITY, sameConfig, type Sample } from './live-store';
import { mergeHistory } from './merge-history';
import { ConnectionLifetimes } from './connection-lifetimes';
import { RingBuffer } from './ring-buffer';

type Listener = () => void;

function sameRows<T extends object>(a: readonly T[] | null, b: readonly T[]): boolean {
  if (a === null || a.length !== b.length) return false;
  return a.every((row, i) => {
    const x = row as Record<string, unknown>;
    const y = b[i] as Record<string, unknown>;
    return Object.keys(x).every((k) => x[k] === y[k]);
  });
}

/**
 * Arm B of a comparison, beside the live store (which keeps arm A). Charts read `samples` on
 * their own turn, so B costs no extra chart refreshes: the B series is drawn in the same pass
 * as A's. `compare` is the newest snapshot's comparison (null when none runs), replaced only
 * when a snapshot brings a new one, so components that select it re-render at most per tick.
 */
export class CompareStore {
  readonly samples = new RingBuffer<Sample>(SAMPLE_CAPACITY);
  readonly lifetimes = new ConnectionLifetimes();
  compare: CompareSnapshot | null = null;
  /** The summary and knob diff, kept as the same arrays while their rows are unchanged (the lab refreshes them once a second). */
  summary: SummaryRow[] | null = null;
  diff: KnobDiff[] | null = null;
  /** Arm B's config, the same object while unchanged (knob panels skip the tick). */
  configB: LabConfig | null = null;
  /** `compare` as the dashboard shows it: frozen while the view is paused, like the live store's `view`. */
  view: CompareSnapshot | null = null;
  /** Time of the snapshot that carried `compare`: arm B's snapshot has no clock of its own. */
  t = 0;
  private readonly listeners = new Set<Listener>();

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get running(): boolean {
    return this.compare !== null;
  }

  ingestSnapshot(snapshot: Snapshot, paused = false): void {
    const previous = this.samples.last();
    // A restarted lab counts from 1 again (as the live store notices); B's past belongs to the old one.
    if (previous && snapshot.t < previous.t) { this.samples.clear(); this.lifetimes.clear(); }
    const was = this.compare;
    this.compare = snapshot.compare ?? null;
    this.t = snapshot.t;
    const next = this.compare;
    this.summary = next === null ? null : sameRows(this.summary, next.summary) ? this.summary : next.summary;
    this.diff = next === null ? null : sameRows(this.diff, next.diff) ? this.diff : next.diff;
    if (next === null) this.configB = null;
    else if (!sameConfig(this.configB, next.b.config)) this.configB = next.b.config;
    if (!paused || next === null) this.view = next;
    const b = snapshot.compare?.b;
    if (b) {
      const { pool, totals, rates, latency, waitHistogram } = b;
      this.samples.push(fromHistorySample({
        seq: snapshot.seq, t: snapshot.t, pool, totals, rates, latency, waitHistogram, acquireTimeoutMs: b.config.pool.acquireTimeoutMs,
      }, previous));
      this.lifetimes.observeSnapshot({ t: snapshot.t, connections: b.connections, connectionCounts: b.connectionCounts });
      for (const c of b.recentlyClosed) this.lifetimes.observeEvent({ type: 'connection-closed', t: c.closedAt, connectionId: c.id, targetId: c.targetId, reason: c.reason, ageMs: c.ageMs, uses: c.uses });
    }
    if (was !== null || this.compare !== null) this.emit();
  }

  /** A compare control's ack is the truth until the next snapshot repeats it. */
  setState(state: CompareState): void {
    if (!state.running || state.b === null) return;
    this.configB = state.b;
    this.diff = state.diff;
    this.emit();
  }

  /** The server's history carries B beside A (`b`) for the seconds a comparison ran. */
  ingestHistory(history: History): void {
    let previous: Sample | undefined;
    const past: Sample[] = [];
    for (const h of history.samples) {
      if (h.b) past.push((previous = fromHistorySample({ ...h.b, seq: h.seq, t: h.t }, previous)));
    }
    if (past.length === 0) return;
    const merged = mergeHistory(this.samples.toArray(), past, history.intervalMs);
    this.samples.clear();
    for (const sample of merged.slice(-SAMPLE_CAPACITY)) this.samples.push(sample);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

export const compareStore = new CompareStore();
