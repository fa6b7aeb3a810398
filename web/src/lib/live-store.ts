import type { LabEvent } from '@poolscope/shared/events';
import type { LatencySummary, Marker, PoolGauges, Snapshot, Totals, Counters } from '@poolscope/shared/snapshot';
import type { LabConfig } from '@poolscope/shared/protocol';
import { toHistorySample, type History, type HistorySample } from '@poolscope/shared/history';
import { mergeHistory } from './merge-history';
import { ConnectionLifetimes } from './connection-lifetimes';
import { RingBuffer, type ReadonlyRingBuffer } from './ring-buffer';
import { ChartTurns, type ChartRotation } from './chart-turns';
import { whenIdle } from './when-idle';

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

type Listener = () => void;

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
  const bounds =
    previous &&
    previous.waitBounds.length === h.waitHistogram.length &&
    h.waitHistogram.every((b, i) => b.upToMs === previous.waitBounds[i])
      ? previous.waitBounds
      : h.waitHistogram.map((b) => b.upToMs);
  return {
    seq: h.seq,
    t: h.t,
    pool: h.pool,
    totals: h.totals,
    rates: h.rates,
    latency: h.latency,
    waitCounts: h.waitHistogram.map((b) => b.count),
    waitBounds: bounds,
    acquireTimeoutMs: h.acquireTimeoutMs,
  };
}

/**
 * When the panels that may trail the headline (the lower panels and the knobs, read through
 * `LowPriorityContext`) hear of a change: with the rest (`now`, as tests have it) or in a task of
 * their own after the next paint (`after-paint`, the app). A snapshot's handler or a recording's
 * seek then renders the numbers and charts a person is watching, and the panels below follow a
 * frame later: one long task becomes two shorter ones (issue 16: no long task over 50 ms; issue 17:
 * a seek redraws in 100 ms).
 */
export type LowPriorityTiming = 'now' | 'after-paint';

/**
 * What the stream brings (snapshots, events) reaches the low-priority panels at most this often, as
 * the chart turns pace the charts: their render, with two arms, reached 46–64 ms in one task once or
 * twice a minute (BENCHMARKS.md, session 10), and four renders a second give it 2.5× fewer chances.
 * A person's own change (a seek, a reset, a setting) reaches them at the next paint.
 */
export const LOW_PRIORITY_MIN_GAP_MS = 250;

/**
 * Everything the dashboard knows, outside React. Recording never stops; pausing freezes only
 * `view`. Charts take turns (`charts`, a ChartTurns: one chart refreshed per tick), while text
 * readouts follow `view` at the full rate. The state is read-only outside: it changes only
 * through the ingest and set methods, which tell the subscribers (a field written from outside
 * would change what is drawn without telling anyone).
 */

export class LiveStore {
  constructor(private readonly lowPriorityTiming: LowPriorityTiming = 'now') {}

  private readonly sampleBuffer = new RingBuffer<Sample>(SAMPLE_CAPACITY);
  private readonly eventBuffer = new RingBuffer<LabEvent>(EVENT_CAPACITY);
  private readonly connectionLifetimes = new ConnectionLifetimes();
  private markerList: readonly Marker[] = [];
  private latestSnapshot: Snapshot | null = null;
  private viewSnapshot: Snapshot | null = null;
  private labConfig: LabConfig | null = null;
  private linkStatus: LinkStatus = 'connecting';
  private isPaused = false;
  private shownWindowMs: number = WINDOWS_MS[0];
  private tokenNeeded = false;
  private eventsSeen = 0;
  private haveShownNumbers = false;
  private hiddenRefreshQueued = false;
  private readonly listeners = new Set<Listener>();
  private readonly lowPriorityListeners = new Set<Listener>();
  /** A notification is on its way after the next paint: it will read the latest state. */
  private lowPriorityPainting = false;
  /** A stream update waiting out LOW_PRIORITY_MIN_GAP_MS. */
  private lowPriorityTimer: ReturnType<typeof setTimeout> | null = null;
  private lowPriorityNotifiedAt = Number.NEGATIVE_INFINITY;
  private readonly turns = new ChartTurns(() => this.latestSnapshot?.t ?? 0);

  /** The chart rotation, for the charts to join; its clock is the time of the latest snapshot. */
  get charts(): ChartRotation {
    return this.turns;
  }
  get samples(): ReadonlyRingBuffer<Sample> {
    return this.sampleBuffer;
  }
  get events(): ReadonlyRingBuffer<LabEvent> {
    return this.eventBuffer;
  }
  get lifetimes(): Pick<ConnectionLifetimes, 'recent'> {
    return this.connectionLifetimes;
  }
  get markers(): readonly Marker[] {
    return this.markerList;
  }
  get latest(): Snapshot | null {
    return this.latestSnapshot;
  }
  /** The snapshot on screen: the latest one, or the one shown when the view was paused. */
  get view(): Snapshot | null {
    return this.viewSnapshot;
  }
  get config(): LabConfig | null {
    return this.labConfig;
  }
  get status(): LinkStatus {
    return this.linkStatus;
  }
  get paused(): boolean {
    return this.isPaused;
  }
  get windowMs(): number {
    return this.shownWindowMs;
  }
  get needsToken(): boolean {
    return this.tokenNeeded;
  }
  /**
   * True once a page has painted its first live numbers (views call `markNumbersShown`): the
   * chart and panel chunks wait for it, so a phone spends its first seconds on the numbers.
   */
  get numbersShown(): boolean {
    return this.haveShownNumbers;
  }
  /** Changes when the event log has something new to show. */
  get eventsVersion(): number {
    return this.eventsSeen;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** As `subscribe`, for the panels that may trail the headline by a frame (LowPriorityTiming). */
  subscribeLowPriority = (listener: Listener): (() => void) => {
    this.lowPriorityListeners.add(listener);
    return () => this.lowPriorityListeners.delete(listener);
  };

  /** `from: 'stream'` for what the lab sends (paced for the low-priority panels), else a person's change. */
  private emit(from: 'stream' | 'person' = 'person'): void {
    for (const listener of this.listeners) listener();
    this.emitLowPriority(from === 'stream');
  }

  private emitLowPriority(paced: boolean): void {
    if (this.lowPriorityListeners.size === 0) return;
    if (this.lowPriorityTiming === 'now') return this.notifyLowPriority();
    // Many changes before the paint (a snapshot and its markers, a seek's restore) make one render.
    if (this.lowPriorityPainting) return;
    const waitMs = paced ? this.lowPriorityNotifiedAt + LOW_PRIORITY_MIN_GAP_MS - performance.now() : 0;
    if (waitMs > 0) {
      this.lowPriorityTimer ??= setTimeout(() => {
        this.lowPriorityTimer = null;
        this.notifyLowPriorityAfterPaint();
      }, waitMs);
      return;
    }
    if (this.lowPriorityTimer !== null) clearTimeout(this.lowPriorityTimer);
    this.lowPriorityTimer = null;
    this.notifyLowPriorityAfterPaint();
  }

  private notifyLowPriorityAfterPaint(): void {
    this.lowPriorityPainting = true;
    afterNextPaint(() => {
      this.lowPriorityPainting = false;
      this.notifyLowPriority();
    });
  }

  private notifyLowPriority(): void {
    this.lowPriorityNotifiedAt = performance.now();
    for (const listener of this.lowPriorityListeners) listener();
  }

  /** Forget everything seen, as a fresh page would (a recording's seek starts from here). */
  reset(): void {
    this.sampleBuffer.clear();
    this.eventBuffer.clear();
    this.connectionLifetimes.clear();
    this.markerList = [];
    this.latestSnapshot = null;
    this.viewSnapshot = null;
    this.labConfig = null;
    this.eventsSeen += 1;
    this.turns.refreshAll({ includeHidden: true });
    this.emit();
  }

  ingestSnapshot(snapshot: Snapshot): void {
    const previous = this.sampleBuffer.last();
    // A restarted lab counts seq from 1 again (its clock moves on, so time alone does not tell);
    // its markers number from 1 too, so the old ones would hide the new.
    if (previous && (snapshot.seq < previous.seq || snapshot.t < previous.t)) {
      this.sampleBuffer.clear();
      this.connectionLifetimes.clear();
      this.markerList = [];
    }
    this.connectionLifetimes.observeSnapshot(snapshot);
    this.sampleBuffer.push(toSample(snapshot, this.sampleBuffer.last()));
    this.mergeMarkers(snapshot.markers);
    const first = this.latestSnapshot === null;
    this.latestSnapshot = snapshot;
    if (!sameConfig(this.labConfig, snapshot.config)) this.labConfig = snapshot.config;
    if (!this.isPaused) {
      this.viewSnapshot = snapshot;
      if (first) this.turns.refreshAll({ includeHidden: true });
      else this.turns.advance(snapshot.t);
    }
    this.emit('stream');
  }

  /**
   * The server's recent past (one sample a second) fills what this page has not seen: the time
   * before it opened, and any gap while it was disconnected. Live samples are kept where present.
   */
  ingestHistory(history: History): void {
    let previous: Sample | undefined;
    const past = history.samples.map((h) => (previous = fromHistorySample(h, previous)));
    const merged = mergeHistory(this.sampleBuffer.toArray(), past, history.intervalMs);
    this.sampleBuffer.clear();
    for (const sample of merged.slice(-SAMPLE_CAPACITY)) this.sampleBuffer.push(sample);
    const known = new Set(this.markerList.map((m) => m.id));
    this.markerList = [...this.markerList, ...history.markers.filter((m) => !known.has(m.id))]
      .sort((a, b) => a.id - b.id)
      .slice(-MARKER_CAPACITY);
    if (!this.isPaused) this.turns.refreshAll({ includeHidden: true });
    this.emit();
  }

  /**
   * Show one instant of a recording in one pass (a seek): the samples before it (oldest first, the
   * store keeps the last 15 minutes), the events and markers seen by then and the snapshot at it,
   * with one redraw. A seek used to reset, re-ingest the window as history and redraw three times.
   */
  restore(state: {
    samples: readonly Sample[];
    events: readonly LabEvent[];
    markers: readonly Marker[];
    snapshot: Snapshot;
    /** When the charts scrolled out of view redraw: at once (a recording just opened), or once the browser is idle (a seek). */
    hiddenCharts?: 'now' | 'when-idle';
  }): void {
    const { samples, events, markers, snapshot, hiddenCharts = 'when-idle' } = state;
    this.sampleBuffer.clear();
    this.eventBuffer.clear();
    this.connectionLifetimes.clear();
    for (let i = Math.max(0, samples.length - (SAMPLE_CAPACITY - 1)); i < samples.length; i += 1)
      this.sampleBuffer.push(samples[i] as Sample);
    this.sampleBuffer.push(toSample(snapshot, this.sampleBuffer.last()));
    this.connectionLifetimes.observeSnapshot(snapshot);
    for (const event of events) {
      this.eventBuffer.push(event);
      this.connectionLifetimes.observeEvent(event);
    }
    this.markerList = [...markers].sort((a, b) => a.id - b.id).slice(-MARKER_CAPACITY);
    this.latestSnapshot = snapshot;
    this.viewSnapshot = snapshot;
    if (!sameConfig(this.labConfig, snapshot.config)) this.labConfig = snapshot.config;
    this.eventsSeen += 1;
    // The charts on screen now; on a seek, those scrolled out of view once the browser is idle (a
    // chart coming into view refreshes anyway): a seek redraws what the viewer sees without waiting for the rest.
    this.turns.refreshAll({ includeHidden: hiddenCharts === 'now' });
    if (hiddenCharts === 'when-idle') this.refreshHiddenWhenIdle();
    this.emit();
  }

  private refreshHiddenWhenIdle(): void {
    if (this.hiddenRefreshQueued) return; // seeks in a row: one refresh, with the last one's data
    this.hiddenRefreshQueued = true;
    whenIdle(() => {
      this.hiddenRefreshQueued = false;
      this.turns.refreshHidden();
    });
  }

  ingestEvents(batch: LabEvent[]): void {
    for (const event of batch) {
      this.eventBuffer.push(event);
      this.connectionLifetimes.observeEvent(event);
    }
    if (!this.isPaused && batch.length > 0) {
      this.eventsSeen += 1;
      this.emit('stream');
    }
  }

  /** A config acked by the server is the truth until the next snapshot repeats it. */
  setConfig(config: LabConfig): void {
    this.labConfig = config;
    this.emit();
  }

  setStatus(status: LinkStatus): void {
    if (this.linkStatus === status) return;
    this.linkStatus = status;
    this.emit();
  }

  setPaused(paused: boolean): void {
    this.isPaused = paused;
    if (!paused) {
      this.viewSnapshot = this.latestSnapshot;
      this.eventsSeen += 1;
      this.turns.refreshAll();
    }
    this.emit();
  }

  setWindow(windowMs: number): void {
    this.shownWindowMs = windowMs;
    this.turns.refreshAll();
    this.emit();
  }

  /** Once, for good: a recording's reset or a reconnect does not take the charts away again. */
  markNumbersShown(): void {
    if (this.haveShownNumbers) return;
    this.haveShownNumbers = true;
    this.emit();
  }

  /** Runs `run` once the first numbers are shown (at once if they are); the returned function cancels a wait. */
  whenNumbersShown(run: () => void): () => void {
    if (this.haveShownNumbers) {
      run();
      return () => undefined;
    }
    const unsubscribe = this.subscribe(() => {
      if (!this.haveShownNumbers) return;
      unsubscribe();
      run();
    });
    return unsubscribe;
  }

  setNeedsToken(needsToken: boolean): void {
    this.tokenNeeded = needsToken;
    this.emit();
  }

  private mergeMarkers(incoming: Marker[]): void {
    const known = this.markerList.at(-1)?.id ?? -1;
    const fresh = incoming.filter((m) => m.id > known);
    if (fresh.length === 0) return;
    this.markerList = [...this.markerList, ...fresh].slice(-MARKER_CAPACITY);
  }
}

/** A store of its own: the app makes one at its root (main.tsx), each test its own. */
export function createLiveStore(lowPriorityTiming: LowPriorityTiming = 'now'): LiveStore {
  return new LiveStore(lowPriorityTiming);
}

/**
 * A frame callback runs before the paint, a task queued from it after. A hidden tab has no frames:
 * its low-priority panels wait until it is shown again, when nobody was watching them anyway.
 */
function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  else setTimeout(run, 0);
}
