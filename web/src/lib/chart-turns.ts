/** A chart is refreshed at most this often, however few charts are on screen. */
export const MIN_CHART_INTERVAL_MS = 500;

type Listener = () => void;
/** Would this chart draw anything different at time `now`? */
export type HasNews = (now: number) => boolean;

/** What a chart (and a test) may do with the rotation; moving the turn on is the store's part. */
export type ChartRotation = Pick<ChartTurns, 'register' | 'subscribe' | 'version' | 'refreshAll'>;

/**
 * Charts take turns: each tick refreshes one registered chart, so a tick never redraws every
 * chart at once (a redraw of all of them at 10 Hz made long tasks; docs/PERF-FACTS.md, the
 * chart table). A chart's "version" changes only on its turn; the chart re-renders when it does.
 * The live store owns one and tells it when data arrives; it knows nothing of the data.
 */
export class ChartTurns {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly versions = new Map<string, number>();
  private readonly refreshedAt = new Map<string, number>();
  private readonly hasNews = new Map<string, HasNews>();
  private order: string[] = [];
  private turn = 0;

  /** `clock` tells the time of the data on screen (the latest snapshot's), not the wall clock. */
  constructor(private readonly clock: () => number) {}

  /**
   * Join the rotation. `hasNews`, if given, is asked before the chart's turn: a chart whose
   * drawing would not change (a long window moves one point every few seconds) gives its turn
   * to the next one. Forced refreshes (window, resume, history) skip the question.
   */
  register = (id: string, hasNews?: HasNews): (() => void) => {
    if (!this.order.includes(id)) this.order.push(id);
    if (hasNews) this.hasNews.set(id, hasNews);
    this.bump(id, this.clock());
    return () => {
      this.order = this.order.filter((c) => c !== id);
      this.hasNews.delete(id);
    };
  };

  subscribe = (id: string, listener: Listener): (() => void) => {
    const set = this.listeners.get(id) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  };

  version(id: string): number {
    return this.versions.get(id) ?? 0;
  }

  /** Refresh the next chart in turn that has not been refreshed for MIN_CHART_INTERVAL_MS and has news. */
  advance(now: number): void {
    const count = this.order.length;
    for (let step = 1; step <= count; step += 1) {
      const index = (this.turn + step) % count;
      const id = this.order[index] as string;
      if (now - (this.refreshedAt.get(id) ?? Number.NEGATIVE_INFINITY) < MIN_CHART_INTERVAL_MS) continue;
      if (this.hasNews.get(id)?.(now) === false) continue;
      this.turn = index;
      this.bump(id, now);
      return;
    }
  }

  /**
   * Every chart in the rotation; with `includeHidden`, also those scrolled out of view, once:
   * when data first arrives (first snapshot, history), so a chart below the fold shows real data
   * and a real time axis (on print, a tall projector, a full-page capture) rather than an empty frame.
   */
  refreshAll({ includeHidden = false } = {}): void {
    const now = this.clock();
    for (const id of this.order) this.bump(id, now);
    if (includeHidden) this.refreshHidden();
  }

  /** Only the charts scrolled out of view (listening, but not in the rotation), once. */
  refreshHidden(): void {
    const now = this.clock();
    for (const id of this.listeners.keys()) if (!this.order.includes(id)) this.bump(id, now);
  }

  private bump(id: string, now: number): void {
    this.refreshedAt.set(id, now);
    this.versions.set(id, (this.versions.get(id) ?? 0) + 1);
    for (const listener of this.listeners.get(id) ?? []) listener();
  }
}
