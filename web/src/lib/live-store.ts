import type { LabEvent } from '@poolscope/shared/events';
import type { LatencySummary, Marker, PoolGauges, Snapshot, Totals, Counters } from '@poolscope/shared/snapshot';
import type { LabConfig } from '@poolscope/shared/protocol';
import { toHistorySample, type History, type HistorySample } from '@poolscope/shared/history';
import { mergeHistory } from './merge-history';
import { ConnectionLifetimes } from './connection-lifetimes';
import { RingBuffer } from './ring-buffer';

/** The numbers of one snapshot kept for charts and export (the per-connection lists are dropped). */
export interface Sample {
  seq: number;
  t: number;
  pool: PoolGauges;
  totals: Totals;
  rates: Counters;
  latency: LatencySummary;
  /** Wait histogram as counts per bucket; `waitBounds` (upper bounds in ms) is shared between samples while unchanged. */
  waitCounts: number[];
  waitBounds: number[];
  acquireTimeoutMs: number;
}

export type LinkStatus = 'connecting' | 'live' | 'offline';

export const WINDOWS_MS = [60_000, 300_000, 900_000] as const;
/** 15 minutes at 10 Hz. */
export const SAMPLE_CAPACITY = 9000;
const EVENT_CAPACITY = 5000;
const MARKER_CAPACITY = 500;
/** A chart is refreshed at most this often, however few charts are on screen. */
export const MIN_CHART_INTERVAL_MS = 500;

type Listener = () => void;
/** Would this chart draw anything different at time `now`? */
export type HasNews = (now: number) => boolean;

function sameFields(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => x[k] === y[k]);
}

/** Keep the same config object while nothing changed, so knob panels skip the tick. */
export function sameConfig(a: LabConfig | null, b: LabConfig): boolean {
  return a !== null && sameFields(a.pool, b.pool) && sameFields(a.load, b.load);
}

/**
 * The part of a snapshot kept for 15 minutes. The histogram is stored as plain counts (its
 * bucket objects were a third of a sample's ~3 KB); the bounds array is reused while unchanged.
 */
export function toSample(s: Snapshot, previous?: Sample): Sample {
  return fromHistorySample(toHistorySample(s), previous);
}

export function fromHistorySample(h: HistorySample, previous?: Sample): Sample {
  const bounds = previous && previous.waitBounds.length === h.waitHistogram.length && h.waitHistogram.every((b, i) => b.upToMs === previous.waitBounds[i])
    ? previous.waitBounds
    : h.waitHistogram.map((b) => b.upToMs);
  return {
    seq: h.seq, t: h.t, pool: h.pool, totals: h.totals, rates: h.rates, latency: h.latency,
    waitCounts: h.waitHistogram.map((b) => b.count), waitBounds: bounds, acquireTimeoutMs: h.acquireTimeoutMs,
  };
}

/**
 * Everything the dashboard knows, outside React. Recording never stops; pausing freezes only
 * `view`. Charts take turns: each tick refreshes one registered chart (PERF-FACTS), while
 * text readouts follow `view` at the full rate.
 */
export class LiveStore {
  readonly samples = new RingBuffer<Sample>(SAMPLE_CAPACITY);
  readonly events = new RingBuffer<LabEvent>(EVENT_CAPACITY);
  readonly lifetimes = new ConnectionLifetimes();
  markers: Marker[] = [];
  latest: Snapshot | null = null;
  view: Snapshot | null = null;
  config: LabConfig | null = null;
  status: LinkStatus = 'connecting';
  paused = false;
  windowMs: number = WINDOWS_MS[0];
  needsToken = false;
  eventsVersion = 0;

  private readonly listeners = new Set<Listener>();
  private readonly chartListeners = new Map<string, Set<Listener>>();
  private readonly chartVersions = new Map<string, number>();
  private readonly chartRefreshedAt = new Map<string, number>();
  private readonly chartHasNews = new Map<string, HasNews>();
  private chartOrder: string[] = [];
  private turn = 0;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  /** Forget everything seen, as a fresh page would (a recording's seek starts from here). */
  reset(): void {
    this.samples.clear();
    this.events.clear();
    this.lifetimes.clear();
    this.markers = [];
    this.latest = null;
    this.view = null;
    this.config = null;
    this.eventsVersion += 1;
    this.refreshAllCharts({ includeHidden: true });
    this.emit();
  }

  ingestSnapshot(snapshot: Snapshot): void {
    const previous = this.samples.last();
    // A restarted lab counts seq from 1 again (its clock moves on, so time alone does not tell);
    // its markers number from 1 too, so the old ones would hide the new.
    if (previous && (snapshot.seq < previous.seq || snapshot.t < previous.t)) {
      this.samples.clear();
      this.lifetimes.clear();
      this.markers = [];
    }
    this.lifetimes.observeSnapshot(snapshot);
    this.samples.push(toSample(snapshot, this.samples.last()));
    this.mergeMarkers(snapshot.markers);
    const first = this.latest === null;
    this.latest = snapshot;
    if (!sameConfig(this.config, snapshot.config)) this.config = snapshot.config;
    if (!this.paused) {
      this.view = snapshot;
      if (first) this.refreshAllCharts({ includeHidden: true });
      else this.advanceChartTurn(snapshot.t);
    }
    this.emit();
  }

  /**
   * The server's recent past (one sample a second) fills what this page has not seen: the time
   * before it opened, and any gap while it was disconnected. Live samples are kept where present.
   */
  ingestHistory(history: History): void {
    let previous: Sample | undefined;
    const past = history.samples.map((h) => (previous = fromHistorySample(h, previous)));
    const merged = mergeHistory(this.samples.toArray(), past, history.intervalMs);
    this.samples.clear();
    for (const sample of merged.slice(-SAMPLE_CAPACITY)) this.samples.push(sample);
    const known = new Set(this.markers.map((m) => m.id));
    this.markers = [...this.markers, ...history.markers.filter((m) => !known.has(m.id))].sort((a, b) => a.id - b.id).slice(-MARKER_CAPACITY);
    if (!this.paused) this.refreshAllCharts({ includeHidden: true });
    this.emit();
  }

  ingestEvents(batch: LabEvent[]): void {
    for (const event of batch) {
      this.events.push(event);
      this.lifetimes.observeEvent(event);
    }
    if (!this.paused && batch.length > 0) {
      this.eventsVersion += 1;
      this.emit();
    }
  }

  /** A config acked by the server is the truth until the next snapshot repeats it. */
  setConfig(config: LabConfig): void {
    this.config = config;
    this.emit();
  }

  setStatus(status: LinkStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) {
      this.view = this.latest;
      this.eventsVersion += 1;
      this.refreshAllCharts();
    }
    this.emit();
  }

  setWindow(windowMs: number): void {
    this.windowMs = windowMs;
    this.refreshAllCharts();
    this.emit();
  }

  setNeedsToken(needsToken: boolean): void {
    this.needsToken = needsToken;
    this.emit();
  }

  private mergeMarkers(incoming: Marker[]): void {
    const known = this.markers.at(-1)?.id ?? -1;
    const fresh = incoming.filter((m) => m.id > known);
    if (fresh.length === 0) return;
    this.markers = [...this.markers, ...fresh].slice(-MARKER_CAPACITY);
  }

  // ---- chart turns ----

  /**
   * Join the rotation. `hasNews`, if given, is asked before the chart's turn: a chart whose
   * drawing would not change (a long window moves one point every few seconds) gives its turn
   * to the next one. Forced refreshes (window, resume, history) skip the question.
   */
  registerChart = (id: string, hasNews?: HasNews): (() => void) => {
    if (!this.chartOrder.includes(id)) this.chartOrder.push(id);
    if (hasNews) this.chartHasNews.set(id, hasNews);
    this.bumpChart(id);
    return () => {
      this.chartOrder = this.chartOrder.filter((c) => c !== id);
      this.chartHasNews.delete(id);
    };
  };

  subscribeChart = (id: string, listener: Listener): (() => void) => {
    const set = this.chartListeners.get(id) ?? new Set<Listener>();
    set.add(listener);
    this.chartListeners.set(id, set);
    return () => set.delete(listener);
  };

  chartVersion(id: string): number {
    return this.chartVersions.get(id) ?? 0;
  }

  private bumpChart(id: string, now = this.latest?.t ?? 0): void {
    this.chartRefreshedAt.set(id, now);
    this.chartVersions.set(id, (this.chartVersions.get(id) ?? 0) + 1);
    for (const listener of this.chartListeners.get(id) ?? []) listener();
  }

  /** Refresh the next chart in turn that has not been refreshed for MIN_CHART_INTERVAL_MS and has news. */
  private advanceChartTurn(now: number): void {
    const count = this.chartOrder.length;
    for (let step = 1; step <= count; step += 1) {
      const index = (this.turn + step) % count;
      const id = this.chartOrder[index] as string;
      if (now - (this.chartRefreshedAt.get(id) ?? Number.NEGATIVE_INFINITY) < MIN_CHART_INTERVAL_MS) continue;
      if (this.chartHasNews.get(id)?.(now) === false) continue;
      this.turn = index;
      this.bumpChart(id, now);
      return;
    }
  }

  /**
   * Every chart in the rotation; with `includeHidden`, also those scrolled out of view, once:
   * when data first arrives (first snapshot, history), so a chart below the fold shows real data
   * and a real time axis (on print, a tall projector, a full-page capture) rather than an empty frame.
   */
  refreshAllCharts({ includeHidden = false } = {}): void {
    for (const id of this.chartOrder) this.bumpChart(id);
    if (!includeHidden) return;
    for (const id of this.chartListeners.keys()) if (!this.chartOrder.includes(id)) this.bumpChart(id);
  }
}

export const liveStore = new LiveStore();
