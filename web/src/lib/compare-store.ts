import type { CompareSnapshot, CompareState, KnobDiff, SummaryRow } from '@poolscope/shared/compare';
import type { History } from '@poolscope/shared/history';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { LabConfig } from '@poolscope/shared/protocol';
import { fromHistorySample, SAMPLE_CAPACITY, sameConfig, type Sample } from './live-store';
import { mergeHistory } from './merge-history';
import { ConnectionLifetimes } from './connection-lifetimes';
import { RingBuffer, type ReadonlyRingBuffer } from './ring-buffer';

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
 * Read-only outside, as the live store: only the ingest and set methods change it.
 */
export class CompareStore {
  private readonly sampleBuffer = new RingBuffer<Sample>(SAMPLE_CAPACITY);
  private readonly connectionLifetimes = new ConnectionLifetimes();
  private current: CompareSnapshot | null = null;
  private summaryRows: readonly SummaryRow[] | null = null;
  private diffRows: readonly KnobDiff[] | null = null;
  private armBConfig: LabConfig | null = null;
  private shown: CompareSnapshot | null = null;
  private carriedAt = 0;
  private readonly listeners = new Set<Listener>();

  get samples(): ReadonlyRingBuffer<Sample> {
    return this.sampleBuffer;
  }
  get lifetimes(): Pick<ConnectionLifetimes, 'recent'> {
    return this.connectionLifetimes;
  }
  get compare(): CompareSnapshot | null {
    return this.current;
  }
  /** The summary and knob diff, kept as the same arrays while their rows are unchanged (the lab refreshes them once a second). */
  get summary(): readonly SummaryRow[] | null {
    return this.summaryRows;
  }
  get diff(): readonly KnobDiff[] | null {
    return this.diffRows;
  }
  /** Arm B's config, the same object while unchanged (knob panels skip the tick). */
  get configB(): LabConfig | null {
    return this.armBConfig;
  }
  /** `compare` as the dashboard shows it: frozen while the view is paused, like the live store's `view`. */
  get view(): CompareSnapshot | null {
    return this.shown;
  }
  /** Time of the snapshot that carried `compare`: arm B's snapshot has no clock of its own. */
  get t(): number {
    return this.carriedAt;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get running(): boolean {
    return this.current !== null;
  }

  /** Forget everything (a recording seeks, or closes): no comparison, no B samples. */
  reset(): void {
    this.sampleBuffer.clear();
    this.connectionLifetimes.clear();
    this.current = this.shown = null;
    this.summaryRows = this.diffRows = null;
    this.armBConfig = null;
    this.carriedAt = 0;
    this.emit();
  }

  /** A recording's instant in one pass (a seek): B's samples before it, then its snapshot; one notice to the subscribers. */
  restore(samples: readonly Sample[], snapshot: Snapshot): void {
    this.sampleBuffer.clear();
    this.connectionLifetimes.clear();
    this.current = this.shown = null;
    this.summaryRows = this.diffRows = null;
    this.armBConfig = null;
    for (let i = Math.max(0, samples.length - (SAMPLE_CAPACITY - 1)); i < samples.length; i += 1)
      this.sampleBuffer.push(samples[i] as Sample);
    this.ingestSnapshot(snapshot, false, false);
    this.emit();
  }

  ingestSnapshot(snapshot: Snapshot, paused = false, notify = true): void {
    const previous = this.sampleBuffer.last();
    // A restarted lab counts from 1 again (as the live store notices); B's past belongs to the old one.
    if (previous && snapshot.t < previous.t) {
      this.sampleBuffer.clear();
      this.connectionLifetimes.clear();
    }
    const was = this.current;
    this.current = snapshot.compare ?? null;
    this.carriedAt = snapshot.t;
    const next = this.current;
    this.summaryRows = next === null ? null : sameRows(this.summaryRows, next.summary) ? this.summaryRows : next.summary;
    this.diffRows = next === null ? null : sameRows(this.diffRows, next.diff) ? this.diffRows : next.diff;
    if (next === null) this.armBConfig = null;
    else if (!sameConfig(this.armBConfig, next.b.config)) this.armBConfig = next.b.config;
    if (!paused || next === null) this.shown = next;
    const b = snapshot.compare?.b;
    if (b) {
      const { pool, totals, rates, latency, waitHistogram } = b;
      this.sampleBuffer.push(
        fromHistorySample(
          {
            seq: snapshot.seq,
            t: snapshot.t,
            pool,
            totals,
            rates,
            latency,
            waitHistogram,
            acquireTimeoutMs: b.config.pool.acquireTimeoutMs,
          },
          previous,
        ),
      );
      this.connectionLifetimes.observeSnapshot({ t: snapshot.t, connections: b.connections, connectionCounts: b.connectionCounts });
      for (const c of b.recentlyClosed)
        this.connectionLifetimes.observeEvent({
          type: 'connection-closed',
          t: c.closedAt,
          connectionId: c.id,
          targetId: c.targetId,
          reason: c.reason,
          ageMs: c.ageMs,
          uses: c.uses,
        });
    }
    if (notify && (was !== null || this.current !== null)) this.emit();
  }

  /** A compare control's ack is the truth until the next snapshot repeats it. */
  setState(state: CompareState): void {
    if (!state.running || state.b === null) return;
    this.armBConfig = state.b;
    this.diffRows = state.diff;
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
    const merged = mergeHistory(this.sampleBuffer.toArray(), past, history.intervalMs);
    this.sampleBuffer.clear();
    for (const sample of merged.slice(-SAMPLE_CAPACITY)) this.sampleBuffer.push(sample);
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A store of its own: the app makes one at its root (main.tsx), each test its own. */
export function createCompareStore(): CompareStore {
  return new CompareStore();
}
