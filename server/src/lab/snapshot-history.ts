import { HISTORY_INTERVAL_MS, HISTORY_SPAN_MS, toHistorySample, type HistorySample } from '@poolscope/shared/history';
import type { Snapshot } from '@poolscope/shared/snapshot';

/**
 * The lab's recent past at one sample per interval, so a dashboard opened (or reconnected)
 * late draws its whole window at once instead of starting from an empty chart. Bounded by
 * count: span / interval samples, the oldest dropped first.
 */
export class SnapshotHistory {
  private readonly slots: (HistorySample | undefined)[];
  private next = 0;
  private size = 0;
  private lastSlot = Number.NEGATIVE_INFINITY;

  constructor(
    readonly intervalMs = HISTORY_INTERVAL_MS,
    readonly spanMs = HISTORY_SPAN_MS,
  ) {
    this.slots = new Array(Math.max(1, Math.ceil(spanMs / intervalMs)));
  }

  /** Keeps the first snapshot of each interval; the others of that interval are skipped. */
  record(snapshot: Snapshot): void {
    const slot = Math.floor(snapshot.t / this.intervalMs);
    if (slot === this.lastSlot) return;
    // A clock stepped back would leave samples out of order; start again rather than draw them crossed.
    if (slot < this.lastSlot) this.clear();
    this.lastSlot = slot;
    this.slots[this.next] = toHistorySample(snapshot);
    this.next = (this.next + 1) % this.slots.length;
    this.size = Math.min(this.size + 1, this.slots.length);
  }

  /** Oldest first, only those within the span of `nowMs`. */
  samples(nowMs = Date.now()): HistorySample[] {
    const oldestKeptMs = nowMs - this.spanMs;
    const out: HistorySample[] = [];
    const start = (this.next - this.size + this.slots.length) % this.slots.length;
    for (let i = 0; i < this.size; i++) {
      const sample = this.slots[(start + i) % this.slots.length] as HistorySample;
      if (sample.t >= oldestKeptMs) out.push(sample);
    }
    return out;
  }

  private clear(): void {
    this.slots.fill(undefined);
    this.next = 0;
    this.size = 0;
  }
}
