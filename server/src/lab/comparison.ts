import {
  COMPARE_WINDOW_S,
  type ArmConfig,
  type CompareReport,
  type CompareSnapshot,
  type CompareState,
  type KnobDiff,
} from '@poolscope/shared/compare';
import type { LabConfig } from '@poolscope/shared/protocol';
import type { Snapshot, TargetSnapshot } from '@poolscope/shared/snapshot';
import type { TargetKnobs } from '@poolscope/shared/target-config';
import { createSchedule, withOwnArrivals, type LoadSchedule } from '../load/load-schedule';
import { randomSeed } from '../load/seeded-random';
import type { ArrivalListener } from '../load/arrival-clock';
import { CompareArm } from './compare-arm';
import { parseCompareRequest } from './compare-request';
import { CompareSamples } from './compare-samples';
import { knobDiff } from './knob-diff';
import { LabError } from './lab-error';
import { markerChanges, type MarkerLog } from './marker-log';
import type { TargetAllowlist } from './target-allowlist';
import type { RegisteredTarget } from './target-registry';

/** What a comparison needs of the lab that owns arm A. */
export interface CompareHost {
  config(): LabConfig;
  targets(): RegisteredTarget[];
  useSchedule(schedule: LoadSchedule | null): void;
  /** A takes this config (keep B), reported like any config change. */
  applyConfig(config: LabConfig): void;
  readonly markers: MarkerLog;
  readonly allowlist: TargetAllowlist;
  readonly latencyWindowTakes: number;
}

interface Running {
  arm: CompareArm;
  schedule: LoadSchedule;
  /** The schedule B is driven from: the shared one, or its own clock under the same seed when the open-loop rates differ. */
  armSchedule: LoadSchedule;
  startedAt: number;
  diff: KnobDiff[];
  samples: CompareSamples;
  last: CompareSnapshot | null;
}

/**
 * Arm B's lifecycle beside the lab's arm A: start, patch, stop, keep B; both arms sampled on the
 * lab's tick. Controls run one at a time (a queue), so a stop never races a start half-way.
 */
export class Comparison {
  private running: Running | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private shutDown = false;
  private tapB: ArrivalListener | null = null;

  constructor(private readonly host: CompareHost) {}

  get active(): boolean {
    return this.running !== null;
  }

  /** Validated before anything changes; a running comparison is replaced by the new one. */
  start(body: unknown): Promise<CompareState> {
    return this.serially(async () => {
      if (this.shutDown) throw new LabError('POOL_CLOSED', 'the lab is shutting down', 503);
      const request = parseCompareRequest(this.host.config(), body);
      await this.close();
      const schedule = createSchedule(request.seed ?? randomSeed());
      const armSchedule = this.scheduleForB(schedule, request.config);
      const arm = await CompareArm.start({
        config: request.config,
        targets: this.host.targets(),
        schedule: armSchedule,
        latencyWindowTakes: this.host.latencyWindowTakes,
        allowlist: this.host.allowlist,
        markers: this.host.markers,
      });
      // One synchronous step: A joins the schedule as B's load starts, so neither hears an arrival the other misses.
      arm.load.tapArrivals(this.tapB);
      this.host.useSchedule(schedule);
      arm.run();
      const diff = knobDiff(this.host.config(), arm.config());
      this.running = { arm, schedule, armSchedule, startedAt: Date.now(), diff, samples: new CompareSamples(), last: null };
      this.host.markers.add('config', `compare started${diff.length > 0 ? `: ${diff.map((d) => d.label).join(', ')}` : ' (A/A)'}`, {
        code: 'compare-started',
        changes: diff.map((d) => ({ knob: d.knob, from: d.a, to: d.b })),
      });
      return this.state();
    });
  }

  /** Change B live, all or nothing, from B's current config. */
  patch(body: unknown): Promise<CompareState> {
    return this.serially(async () => {
      const running = this.require();
      const request = parseCompareRequest(running.arm.config(), body);
      running.arm.reconfigure(request.config);
      this.refresh();
      this.host.markers.add('config', `B: ${describePatch(request.patch)}`, {
        code: 'compare-patched',
        changes: markerChanges({ ...request.patch.pool, ...request.patch.load }),
      });
      return this.state();
    });
  }

  stop(): Promise<CompareState> {
    return this.serially(async () => {
      if (this.running) this.host.markers.add('config', 'compare stopped', { code: 'compare-stopped' });
      await this.close();
      return this.state();
    });
  }

  /** A takes B's config and the comparison stops: after keeping B the arms would be identical. */
  keepB(): Promise<CompareState> {
    return this.serially(async () => {
      const config = this.require().arm.config();
      await this.close();
      this.host.applyConfig(config);
      this.host.markers.add('config', 'kept B', { code: 'compare-kept-b' });
      return this.state();
    });
  }

  state(): CompareState {
    const a = this.host.config();
    const running = this.running;
    if (!running) return { running: false, a, b: null, diff: [], seed: null, startedAt: null, sharedTargetIds: [] };
    return {
      running: true,
      a,
      b: running.arm.config(),
      diff: running.diff,
      seed: running.schedule.seed,
      startedAt: running.startedAt,
      sharedTargetIds: this.sharedTargetIds(),
    };
  }

  report(windowS: number = COMPARE_WINDOW_S.default, nowMs = Date.now()): CompareReport {
    const state = this.state();
    if (!this.running) return { ...state, windowS, samples: { a: 0, b: 0 }, summary: [] };
    return { ...state, windowS, ...this.running.samples.summary(windowS, nowMs) };
  }

  /** Arm B on A's tick; null (one check) when no comparison runs. */
  sample(a: Snapshot): CompareSnapshot | null {
    const running = this.running;
    if (!running) return null;
    const b = running.arm.snapshot(a.t);
    const summary =
      running.samples.record(a.t, a, b) || running.last === null
        ? running.samples.summary(COMPARE_WINDOW_S.default, a.t).summary
        : running.last.summary;
    running.last = {
      b,
      diff: running.diff,
      seed: running.schedule.seed,
      startedAt: running.startedAt,
      sharedTargetIds: this.sharedTargetIds(),
      windowS: COMPARE_WINDOW_S.default,
      summary,
    };
    return running.last;
  }

  /**
   * B as last sampled, only while that same comparison runs: a snapshot read between ticks never
   * shows a B that has stopped or been replaced since (null until a new B's first tick).
   */
  latest(): CompareSnapshot | null {
    return this.running?.last ?? null;
  }

  /** A's config changed: the knob diff and whether B can share A's arrival instants may have too. */
  refresh(): void {
    const running = this.running;
    if (!running) return;
    const armSchedule = this.scheduleForB(running.schedule, running.arm.config(), running.armSchedule);
    if (armSchedule !== running.armSchedule) running.arm.load.useSchedule(armSchedule);
    running.armSchedule = armSchedule;
    running.diff = knobDiff(this.host.config(), running.arm.config());
  }

  /** B's copy of target `id` takes A's knobs (already validated on A), in the same synchronous step. */
  mirrorTargetKnobs(id: string, knobs: TargetKnobs): void {
    this.running?.arm.patchTarget(id, knobs);
  }

  /** B's copy of target `id` only; throws when no comparison runs or B has no embedded copy. */
  patchTargetB(id: string, patch: unknown): TargetSnapshot {
    const arm = this.require().arm;
    const target = arm.targets.get(id);
    if (!target.embedded) throw new LabError('INVALID_REQUEST', `target ${id} is external: only embedded targets have knobs`, 409);
    const result = target.embedded.update(patch);
    if (!result.ok) throw LabError.invalidConfig(result.details);
    this.host.markers.add(
      'fault',
      `B ${id}: ${Object.entries(patch as object)
        .map(([k, v]) => `${k} ${String(v)}`)
        .join(', ')}`,
      {
        code: 'target-b-changed',
        params: { targetId: id },
        changes: markerChanges(patch as Record<string, unknown>),
      },
    );
    return this.describeTargetB(id);
  }

  async restartTarget(id: string): Promise<void> {
    await this.running?.arm.restartTarget(id);
  }

  requireB(): void {
    this.require();
  }

  describeTargetB(id: string): TargetSnapshot {
    const arm = this.require().arm;
    const target = arm.targets.get(id);
    const seen = this.running?.last?.b.targets.find((t) => t.id === id);
    const base: TargetSnapshot = seen ?? {
      id,
      address: target.address,
      embedded: target.embedded !== null,
      state: 'up',
      open: 0,
      healthChecksFailed: 0,
      dialFailures: 0,
      requestsPerSec: 0,
      lastError: null,
      knobs: null,
      server: null,
    };
    return {
      ...base,
      knobs: target.embedded?.knobs() ?? null,
      state: target.embedded?.state() ?? base.state,
      server: target.embedded?.counters() ?? null,
    };
  }

  /** A target added to A while comparing gets its B copy too. */
  async addTarget(target: RegisteredTarget): Promise<void> {
    await this.running?.arm.targets.addClone(target);
  }

  async removeTarget(id: string): Promise<void> {
    const arm = this.running?.arm;
    if (arm && arm.targets.list().some((t) => t.id === id)) await arm.targets.remove(id);
  }

  /**
   * Test seam: hear each open-loop arrival arm B receives (arm A's: lab.load.tapArrivals), from
   * B's first arrival when set before the comparison starts.
   */
  tapArrivalsB(listener: ArrivalListener | null): void {
    this.tapB = listener;
    this.running?.arm.load.tapArrivals(listener);
  }

  /** The lab is closing: B goes first. */
  shutdown(): Promise<void> {
    this.shutDown = true;
    return this.serially(() => this.close());
  }

  private async close(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = null;
    this.host.useSchedule(null);
    await running.arm.close();
  }

  private scheduleForB(shared: LoadSchedule, b: ArmConfig, current?: LoadSchedule): LoadSchedule {
    const a = this.host.config().load;
    const differentArrivals = a.mode === 'open' && b.load.mode === 'open' && a.ratePerSec !== b.load.ratePerSec;
    if (!differentArrivals) return shared;
    return current !== undefined && current !== shared ? current : withOwnArrivals(shared);
  }

  private sharedTargetIds(): string[] {
    return this.running
      ? this.running.arm.targets
          .list()
          .filter((t) => t.embedded === null)
          .map((t) => t.id)
      : [];
  }

  private require(): Running {
    if (!this.running) throw new LabError('INVALID_REQUEST', 'no comparison is running: start one with PUT /api/compare', 409);
    return this.running;
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function describePatch(patch: { pool?: object; load?: object }): string {
  return (
    [...Object.entries(patch.pool ?? {}), ...Object.entries(patch.load ?? {})].map(([k, v]) => `${k} ${String(v)}`).join(', ') ||
    'no change'
  );
}
