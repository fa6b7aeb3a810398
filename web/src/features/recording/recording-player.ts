import { HISTORY_SPAN_MS } from '@poolscope/shared/history';
import type { Recording } from '@poolscope/shared/recording';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { Sample } from '../../lib/live-store';
import type { DashboardStores } from '../../lib/store-context';
import { buildSampleParts, replaySamplesA, replaySamplesB } from '../../lib/replay-samples';
import { inIdleSlices } from '../../lib/when-idle';
import { lastAtOrBefore, replaySnapshot } from './replay-snapshot';

export const PLAYBACK_SPEEDS = [1, 2, 4, 8] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];
/** The player advances in real-time steps of this size: the stream's own 10 Hz at 1×. */
const STEP_MS = 100;
/** A seek rebuilds the charts' window from this many events back, as a live page would have seen them. */
const EVENTS_ON_SEEK = 500;

export interface PlayerState {
  positionMs: number;
  startMs: number;
  endMs: number;
  playing: boolean;
  speed: PlaybackSpeed;
}

/**
 * Plays a recording into the dashboard's store as if a lab were streaming it: samples at their
 * recorded pace (times the speed), events and markers as they happened. Seeking restores the
 * store to the new position in one pass (the window before it, from samples held here as the store
 * keeps them), so the charts redraw once.
 */
export class RecordingPlayer {
  private position: number;
  private speed: PlaybackSpeed = 1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private nextSample = 0;
  private nextEvent = 0;
  private readonly listeners = new Set<() => void>();
  private snapshotState: PlayerState;
  private stopBuilding: (() => void) | null = null;
  /** The first seek shows the recording: every chart drawn at once, those out of view too. */
  private seeks = 0;

  private readonly store: DashboardStores['live'];
  private readonly compareStore: DashboardStores['compare'] | null;
  /** Each arm's samples as the store keeps them (B: null where no comparison ran), made once for every seek. */
  private readonly armA: Sample[];
  private readonly armB: (Sample | null)[];

  /** Fed into the dashboard's stores: arm B into the compare store where the recording holds a comparison. */
  constructor(
    private readonly recording: Recording,
    stores: Pick<DashboardStores, 'live'> & Partial<Pick<DashboardStores, 'compare'>>,
  ) {
    this.store = stores.live;
    this.compareStore = stores.compare ?? null;
    this.armA = replaySamplesA(recording.samples);
    this.armB = this.compareStore ? replaySamplesB(recording.samples) : [];
    this.position = this.startMs;
    this.snapshotState = this.computeState();
  }

  /**
   * Builds every sample's parts in idle time, oldest first, both arms. A format 2 file's samples
   * build their parts when first read, which made a seek into a part of the recording not yet
   * drawn spend most of its time building them (~600 samples an arm for a 1-minute window).
   * Returns at once; `dispose` stops it. The parts then take the memory a live dashboard's
   * 15 minutes take.
   */
  buildInIdleTime(): void {
    if (this.stopBuilding) return;
    let next = 0;
    const total = this.armA.length;
    this.stopBuilding = inIdleSlices(() => {
      if (next >= total) return true;
      for (const sample of [this.armA[next], this.armB[next]]) if (sample) buildSampleParts(sample);
      next += 1;
      return next >= total;
    });
  }

  get startMs(): number {
    return (this.recording.samples[0] as { t: number }).t;
  }

  get endMs(): number {
    return (this.recording.samples.at(-1) as { t: number }).t;
  }

  state = (): PlayerState => this.snapshotState;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Show the recording at `t` (clamped to it): the window before it drawn at once. */
  seek(t: number): void {
    this.position = Math.min(this.endMs, Math.max(this.startMs, t));
    const { samples, events, markers } = this.recording;
    const last = Math.max(0, lastAtOrBefore(samples, this.position));
    const from = lastAtOrBefore(samples, this.position - HISTORY_SPAN_MS - 1) + 1;
    const seen = markers.filter((m) => m.t <= this.position);
    const snapshot = replaySnapshot(this.recording, samples[last]!, seen);
    this.nextEvent = lastAtOrBefore(events, this.position) + 1;
    this.compareStore?.restore(
      this.armB.slice(from, last).filter((b): b is Sample => b !== null),
      snapshot,
    );
    this.store.restore({
      samples: this.armA.slice(from, last),
      events: events.slice(Math.max(0, this.nextEvent - EVENTS_ON_SEEK), this.nextEvent),
      markers: seen,
      snapshot,
      hiddenCharts: this.seeks === 0 ? 'now' : 'when-idle',
    });
    this.seeks += 1;
    this.nextSample = last + 1;
    this.changed();
  }

  play(): void {
    if (this.timer) return;
    if (this.position >= this.endMs) this.seek(this.startMs);
    this.timer = setInterval(() => this.advance(STEP_MS * this.speed), STEP_MS);
    this.changed();
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.changed();
  }

  setSpeed(speed: PlaybackSpeed): void {
    this.speed = speed;
    this.changed();
  }

  /** Jump to the next marker after the position (a config change, a scenario, a lesson step, a fault). */
  nextMarker(): boolean {
    const next = this.recording.markers.find((m) => m.t > this.position + 1 && m.t <= this.endMs);
    if (!next) return false;
    this.seek(next.t);
    return true;
  }

  dispose(): void {
    this.stopBuilding?.();
    this.pause();
    this.listeners.clear();
  }

  /** Feed everything recorded between the position and `byMs` later, in order. */
  advance(byMs: number): void {
    const until = Math.min(this.endMs, this.position + byMs);
    const { samples, events, markers } = this.recording;
    while (this.nextSample < samples.length && samples[this.nextSample]!.t <= until) {
      const sample = samples[this.nextSample++]!;
      const batch: typeof events = [];
      while (this.nextEvent < events.length && events[this.nextEvent]!.t <= sample.t) batch.push(events[this.nextEvent++]!);
      if (batch.length > 0) this.store.ingestEvents(batch);
      this.feed(replaySnapshot(this.recording, sample, markers.filter((m) => m.t <= sample.t).slice(-100)));
    }
    this.position = until;
    if (this.position >= this.endMs) this.pause();
    else this.changed();
  }

  /** B first, as the live connection does: A's snapshot moves the chart turn, and the chart whose turn it is reads both arms. */
  private feed(snapshot: Snapshot): void {
    this.compareStore?.ingestSnapshot(snapshot);
    this.store.ingestSnapshot(snapshot);
  }

  private changed(): void {
    this.snapshotState = this.computeState();
    for (const listener of this.listeners) listener();
  }

  private computeState(): PlayerState {
    return { positionMs: this.position, startMs: this.startMs, endMs: this.endMs, playing: this.timer !== null, speed: this.speed };
  }
}
