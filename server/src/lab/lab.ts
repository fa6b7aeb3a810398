import type { LabEvent } from '@poolscope/shared/events';
import type { LoadConfigPatch } from '@poolscope/shared/load-config';
import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import type { LabConfig, LessonGoResult, ScenarioSummary } from '@poolscope/shared/protocol';
import type { History } from '@poolscope/shared/history';
import type { Snapshot, TargetSnapshot } from '@poolscope/shared/snapshot';
import type { TargetKnobs } from '@poolscope/shared/target-config';
import type { ArmScope } from '@poolscope/shared/compare';
import { DEFAULT_LOAD_CONFIG, DEFAULT_POOL_CONFIG } from '@poolscope/shared/config-rules';
import { ConnectionPool } from '../pool/connection-pool';
import { LoadGenerator } from '../load/load-generator';
import { describeChange } from './describe-change';
import { EventBatch } from './event-batch';
import { LabError } from './lab-error';
import { MarkerLog, markerChanges } from './marker-log';
import { RecentlyClosed } from './recently-closed';
import { Sampler } from './sampler';
import { findScenario, SCENARIOS, summarize } from './scenarios';
import { findLesson, LESSONS } from '@poolscope/shared/lessons';
import { lessonStateAt } from '@poolscope/shared/lesson-checks';
import type { Lesson, LessonPosition } from '@poolscope/shared/lesson-schema';
import { planScenario } from './scenario-plan';
import { SnapshotBuilder } from './snapshot-builder';
import { SnapshotHistory } from './snapshot-history';
import { TargetAllowlist } from './target-allowlist';
import { TargetRegistry, type RegisteredTarget } from './target-registry';
import { patchLabConfig } from './patch-lab-config';
import { Comparison } from './comparison';
import { parseCompareRequest } from './compare-request';
import { readFdSoftLimit, socketBudgetFor } from './socket-budget';

export interface LabOptions {
  embeddedTargets?: number;
  externalTargets?: { host: string; port: number }[];
  pool?: PoolConfigPatch;
  load?: LoadConfigPatch;
  /** Comma-separated CIDR ranges external targets must resolve into (loopback by default). */
  allowTargets?: string;
  sampleHz?: number;
  /** Knobs for the embedded targets started with the lab. */
  targetKnobs?: Partial<TargetKnobs>;
  /** Pool sockets allowed at once; by default derived from the process's fd limit (see socket-budget.ts). */
  socketBudget?: number;
}

export type TickListener = (snapshot: Snapshot, events: LabEvent[]) => void;

/** The running lab: targets + pool + load + one sampler, and every change an operator can make. */
export class Lab {
  readonly pool: ConnectionPool;
  readonly load: LoadGenerator;
  readonly targets: TargetRegistry;
  readonly markers = new MarkerLog();
  /** Arm B while comparing; this lab's pool, load and targets are arm A. */
  readonly compare: Comparison;
  private readonly events = new EventBatch();
  private readonly recentlyClosed = new RecentlyClosed();
  private readonly past = new SnapshotHistory();
  private readonly builder: SnapshotBuilder;
  private readonly sampler: Sampler;
  private readonly listeners = new Set<TickListener>();
  private latest: Snapshot;
  private scenarioId: string | null = null;
  private lessonPosition: LessonPosition | null = null;
  private viewerCount = 0;
  private relayViewerCount = 0;
  private closed = false;

  private constructor(options: LabOptions) {
    // Latency percentiles cover the last second of ticks: steady enough to read at 10 Hz.
    // The socket budget keeps any config (maxOpen 0 with leaks, an open loop on a stalled target)
    // from exhausting file descriptors, after which the HTTP listener could not accept a fix.
    const socketBudget = options.socketBudget ?? socketBudgetFor(readFdSoftLimit());
    this.pool = new ConnectionPool({ config: options.pool ?? {}, latencyWindowTakes: options.sampleHz ?? 10, socketBudget });
    this.load = new LoadGenerator({ pool: this.pool, config: { ...(options.load ?? {}), running: false } });
    const allowlist = new TargetAllowlist(options.allowTargets);
    this.targets = new TargetRegistry(this.pool, allowlist);
    this.compare = new Comparison({
      config: () => this.config(),
      targets: () => this.targets.list(),
      useSchedule: (schedule) => this.load.useSchedule(schedule),
      applyConfig: (config) => this.patchConfig(config),
      markers: this.markers,
      allowlist,
      latencyWindowTakes: options.sampleHz ?? 10,
    });
    // The lab reports reconfigurations itself, for every scope, so the pool's own are not repeated.
    this.pool.on('event', (event) => {
      if (event.type !== 'reconfigured') this.record(event);
    });
    this.builder = new SnapshotBuilder({
      pool: this.pool,
      load: this.load,
      targets: () => this.targets.list(),
      markers: this.markers,
      recentlyClosed: this.recentlyClosed,
      config: () => this.config(),
      scenarioId: () => this.scenarioId,
      lesson: () => this.lessonPosition,
      viewers: () => this.viewerCount,
      relayViewers: () => this.relayViewerCount,
      eventsDropped: () => this.events.dropped,
    });
    this.latest = this.builder.build();
    this.sampler = new Sampler(
      options.sampleHz ?? 10,
      () => this.tick(),
      (error) => console.error('poolscope: sampler tick failed', error),
    );
  }

  static async start(options: LabOptions = {}): Promise<Lab> {
    assertValidStartConfig(options);
    const lab = new Lab(options);
    try {
      for (let i = 0; i < (options.embeddedTargets ?? 2); i++) await lab.targets.addEmbedded(options.targetKnobs ?? {});
      for (const target of options.externalTargets ?? []) await lab.targets.addExternal(target.host, target.port);
    } catch (error) {
      await lab.close();
      throw error;
    }
    lab.load.reconfigure({ running: options.load?.running ?? true });
    lab.sampler.start();
    return lab;
  }

  config(): LabConfig {
    return { pool: { ...this.pool.config }, load: { ...this.load.config } };
  }

  /** The last tick's snapshot, with the comparison as it stands now (a stop or a new B shows at once). */
  snapshot(): Snapshot {
    const compare = this.compare.latest();
    return compare === this.latest.compare ? this.latest : { ...this.latest, compare };
  }

  /** The last 15 minutes at one sample a second, with the markers of that span. */
  history(nowMs = Date.now()): History {
    const oldestMs = nowMs - this.past.spanMs;
    return {
      intervalMs: this.past.intervalMs,
      spanMs: this.past.spanMs,
      samples: this.past.samples(nowMs),
      markers: this.markers.recent().filter((m) => m.t >= oldestMs),
    };
  }

  /** Told by whoever holds the viewers' sockets (the gateway); shown in the next snapshot for the presenter. */
  setViewerCount(count: number): void {
    this.viewerCount = Math.max(0, Math.trunc(count));
  }

  /** Told by the Redis publisher: the viewers its relays last reported. */
  setRelayViewerCount(count: number): void {
    this.relayViewerCount = Math.max(0, Math.trunc(count));
  }

  onTick(listener: TickListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** All or nothing across pool and load: both halves are validated before either is applied. */
  patchConfig(patch: unknown): LabConfig {
    this.assertOpen();
    const before = this.config();
    const next = patchLabConfig(before, patch);
    this.pool.reconfigure(next.pool);
    this.load.reconfigure(next.load);
    this.noteConfigChange(before, this.config());
    this.compare.refresh();
    return this.config();
  }

  scenarios(): ScenarioSummary[] {
    return SCENARIOS.map(summarize);
  }

  /**
   * All or nothing: the plan is validated whole first; if a target cannot restart (its port was
   * taken meanwhile) the config and knobs go back to what they were, no marker is added, and the
   * answer is INTERNAL with the cause.
   */
  async applyScenario(id: string): Promise<LabConfig> {
    this.assertOpen();
    const scenario = findScenario(id);
    if (!scenario) throw LabError.notFound(`scenario ${JSON.stringify(id)}`);
    const plan = planScenario(scenario);
    // A scenario starts from a clean lab: a comparison running stops, and a compare scenario starts its own below.
    if (this.compare.active) await this.compare.stop();
    const before = this.config();
    const targets = this.embeddedTargets();
    const knobsBefore = targets.map((t) => t.embedded?.knobs());
    const apply = (config: LabConfig, knobs: (TargetKnobs | undefined)[]) => {
      this.pool.reconfigure(config.pool);
      this.load.reconfigure(config.load);
      targets.forEach((t, i) => t.embedded?.update(knobs[i]));
    };
    apply(
      plan,
      targets.map(() => plan.knobs),
    );
    if (scenario.restartTargets) {
      // Settled, not all: the rollback waits until no restart is still under way.
      const results = await Promise.allSettled(targets.map((t) => t.embedded?.restart()));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) {
        apply(before, knobsBefore);
        throw LabError.internal(`scenario ${id} not applied: a target could not restart`, failed.reason);
      }
    }
    this.scenarioId = id;
    // A scenario replaces the whole state, so the lesson step no longer describes the lab.
    this.lessonPosition = null;
    this.markers.add('scenario', scenario.title, { code: 'scenario-applied', params: { scenarioId: id } });
    this.record({ t: Date.now(), type: 'scenario-applied', scenarioId: id, title: scenario.title });
    if (scenario.compareB) await this.compare.start({ b: scenario.compareB, seed: 1 });
    return this.config();
  }

  lessons(): Lesson[] {
    return [...LESSONS];
  }

  lesson(): LessonPosition | null {
    return this.lessonPosition;
  }

  /**
   * Step `step` (from 1) of lesson `id`, from wherever the lab is: the cumulative state of steps
   * 1..step, and the step's own comparison, are computed and validated whole before any of it is
   * applied, so a bad step changes nothing. A comparison starts afresh on a step that compares and
   * stops on one that does not; if B cannot start (a clone's port), A goes back to where it was.
   */
  async goToLesson(id: string, step: number): Promise<LessonGoResult> {
    this.assertOpen();
    const lesson = findLesson(id);
    if (!lesson) throw LabError.notFound(`lesson ${JSON.stringify(id)}`);
    if (!Number.isInteger(step) || step < 1 || step > lesson.steps.length) {
      throw new LabError('NOT_FOUND', `lesson ${id} has steps 1 to ${lesson.steps.length}, not ${step}`, 404, [
        { path: '/step', message: `expected 1 to ${lesson.steps.length}` },
      ]);
    }
    const state = lessonStateAt(lesson, step);
    if (!state.ok) throw LabError.invalidConfig(state.details);
    const compareB = state.value.compare;
    // The server's own check of B, as PUT /api/compare would make it, before anything moves.
    if (compareB) parseCompareRequest({ pool: state.value.pool, load: state.value.load }, { b: compareB.patch });
    // A step sets the whole lab, as a scenario does: a comparison left running would no longer be the step's.
    if (this.compare.active) await this.compare.stop();
    const before = this.config();
    const targets = this.embeddedTargets();
    const knobsBefore = targets.map((t) => t.embedded?.knobs());
    this.pool.reconfigure(state.value.pool);
    this.load.reconfigure(state.value.load);
    for (const target of targets) target.embedded?.update(state.value.targets);
    if (state.value.restartTargets) {
      await Promise.all(
        targets.map(async (target) => {
          await this.targets.restart(target.id);
          this.record({ t: Date.now(), type: 'target-restarted', targetId: target.id, address: target.address });
        }),
      );
    }
    if (compareB) {
      try {
        await this.compare.start({ b: compareB.patch, seed: 1 });
      } catch (error) {
        this.pool.reconfigure(before.pool);
        this.load.reconfigure(before.load);
        targets.forEach((t, i) => t.embedded?.update(knobsBefore[i]));
        throw error instanceof LabError
          ? error
          : LabError.internal(`step ${step} of ${id} not applied: its comparison could not start`, error);
      }
    }
    this.lessonPosition = { id, step };
    this.noteConfigChange(before, this.config());
    this.markers.add('scenario', `${lesson.title.en}: step ${step}/${lesson.steps.length}`, {
      code: 'lesson-step',
      params: { lessonId: id, step, count: lesson.steps.length },
    });
    return { lesson: { id, step }, config: this.config() };
  }

  /** Leave the lesson; the lab keeps the state of the last step, and a comparison of that step stops. */
  async leaveLesson(): Promise<{ lesson: null }> {
    this.assertOpen();
    const position = this.lessonPosition;
    this.lessonPosition = null;
    const step = position ? findLesson(position.id)?.steps[position.step - 1] : undefined;
    if (step?.compare && this.compare.active) await this.compare.stop();
    return { lesson: null };
  }

  async addTarget(request: { host: string; port: number } | { embedded: true }): Promise<TargetSnapshot> {
    this.assertOpen();
    const target = 'embedded' in request ? await this.targets.addEmbedded() : await this.targets.addExternal(request.host, request.port);
    await this.compare.addTarget(target);
    this.record({ t: Date.now(), type: 'target-added', targetId: target.id, address: target.address });
    return this.describeTarget(target.id);
  }

  /** While comparing, `arm` picks whose copy of the target changes; both change in one synchronous step. */
  patchTarget(id: string, patch: unknown, arm: ArmScope = 'both'): TargetSnapshot {
    this.assertOpen();
    if (arm === 'b') return this.compare.patchTargetB(id, patch);
    const before = this.targets.get(id).embedded?.knobs();
    const result = this.targets.patchKnobs(id, patch);
    if (!result.ok) throw LabError.invalidConfig(result.details);
    const { label, changed } = describeChange(before ?? {}, result.value);
    if (label) {
      this.markers.add('fault', `${id}: ${label}`, {
        code: 'target-changed',
        params: { targetId: id },
        changes: markerChanges(changed, before),
      });
      this.record({ t: Date.now(), type: 'reconfigured', scope: 'target', targetId: id, changed });
    }
    if (arm === 'both') this.compare.mirrorTargetKnobs(id, result.value);
    return this.describeTarget(id);
  }

  async restartTarget(id: string, arm: ArmScope = 'both'): Promise<TargetSnapshot> {
    this.assertOpen();
    if (arm === 'b') {
      this.compare.requireB();
      await this.compare.restartTarget(id);
      return this.compare.describeTargetB(id);
    }
    const target = this.targets.get(id);
    await Promise.all([this.targets.restart(id), arm === 'both' ? this.compare.restartTarget(id) : undefined]);
    this.markers.add('fault', `${id}: restarted`, { code: 'target-restarted', params: { targetId: id } });
    this.record({ t: Date.now(), type: 'target-restarted', targetId: id, address: target.address });
    return this.describeTarget(id);
  }

  async removeTarget(id: string): Promise<void> {
    this.assertOpen();
    const target = await this.targets.remove(id);
    await this.compare.removeTarget(id);
    this.record({ t: Date.now(), type: 'target-removed', targetId: id, address: target.address });
  }

  describeTarget(id: string): TargetSnapshot {
    this.targets.get(id);
    const found = this.builder.describeTarget(id);
    if (!found) throw LabError.notFound(`target ${JSON.stringify(id)}`);
    return found;
  }

  reclaimLeaks(): number {
    this.assertOpen();
    const reclaimed = this.pool.reclaimLeaks();
    if (reclaimed > 0) {
      this.markers.add('fault', `reclaimed ${reclaimed} leaked connection${reclaimed === 1 ? '' : 's'}`, {
        code: 'leaks-reclaimed',
        params: { count: reclaimed },
      });
    }
    return reclaimed;
  }

  /** Stop load, drain the pool, close the targets: in that order so no request dials a closing target. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sampler.stop();
    await this.compare.shutdown();
    // Closing the pool alongside stopping the load rejects acquires still waiting, so shutdown
    // does not sit out a whole acquire timeout; loans in flight still get shutdownGraceMs.
    await Promise.all([this.load.stop(), this.pool.close()]);
    await this.targets.closeAll(500);
    this.listeners.clear();
  }

  private tick(): void {
    this.latest = this.builder.build();
    this.latest.compare = this.compare.sample(this.latest);
    this.past.record(this.latest);
    const events = this.events.drain();
    for (const listener of this.listeners) listener(this.latest, events);
  }

  private record(event: LabEvent): void {
    this.recentlyClosed.observe(event);
    this.events.push(event);
  }

  private noteConfigChange(before: LabConfig, after: LabConfig): void {
    for (const scope of ['pool', 'load'] as const) {
      const { label, changed } = describeChange(before[scope], after[scope]);
      if (!label) continue;
      this.markers.add('config', label, { code: 'config-changed', params: { scope }, changes: markerChanges(changed, before[scope]) });
      this.record({ t: Date.now(), type: 'reconfigured', scope, changed });
    }
  }

  private embeddedTargets(): RegisteredTarget[] {
    return this.targets.list().filter((t) => t.embedded !== null);
  }

  private assertOpen(): void {
    if (this.closed) throw new LabError('POOL_CLOSED', 'the lab is shutting down', 503);
  }
}

function assertValidStartConfig(options: LabOptions): void {
  patchLabConfig(
    { pool: { ...DEFAULT_POOL_CONFIG }, load: { ...DEFAULT_LOAD_CONFIG } },
    { pool: options.pool ?? {}, load: options.load ?? {} },
  );
}
