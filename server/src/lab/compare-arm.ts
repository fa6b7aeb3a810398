import type { ArmConfig, ArmSnapshot } from '@poolscope/shared/compare';
import type { TargetKnobs } from '@poolscope/shared/target-config';
import type { PatchResult } from '@poolscope/shared/validation';
import { ConnectionPool } from '../pool/connection-pool';
import { LoadGenerator } from '../load/load-generator';
import type { LoadSchedule } from '../load/load-schedule';
import type { MarkerLog } from './marker-log';
import { RecentlyClosed } from './recently-closed';
import { SnapshotBuilder } from './snapshot-builder';
import type { TargetAllowlist } from './target-allowlist';
import { TargetRegistry, type RegisteredTarget } from './target-registry';

export interface CompareArmOptions {
  config: ArmConfig;
  /** A's targets, cloned under the same ids. */
  targets: RegisteredTarget[];
  schedule: LoadSchedule;
  latencyWindowTakes: number;
  allowlist: TargetAllowlist;
  markers: MarkerLog;
}

/**
 * Arm B: a pool, a load generator and clones of A's embedded targets, all its own, so the arms
 * never compete for a server. It knows nothing of arm A or of the lab: the comparison hands it
 * a config, A's targets to clone and the shared schedule.
 */
export class CompareArm {
  readonly pool: ConnectionPool;
  readonly load: LoadGenerator;
  readonly targets: TargetRegistry;
  private readonly recentlyClosed = new RecentlyClosed();
  private readonly builder: SnapshotBuilder;
  private runningWhenStarted = false;

  private constructor(options: CompareArmOptions) {
    this.pool = new ConnectionPool({ config: options.config.pool, latencyWindowTakes: options.latencyWindowTakes });
    this.pool.on('event', (event) => this.recentlyClosed.observe(event));
    this.load = new LoadGenerator({ pool: this.pool, config: { ...options.config.load, running: false } });
    this.load.useSchedule(options.schedule);
    this.targets = new TargetRegistry(this.pool, options.allowlist);
    this.builder = new SnapshotBuilder({
      pool: this.pool,
      load: this.load,
      targets: () => this.targets.list(),
      markers: options.markers,
      recentlyClosed: this.recentlyClosed,
      config: () => this.config(),
      scenarioId: () => null,
      lesson: () => null,
      eventsDropped: () => 0,
      viewers: () => 0,
      relayViewers: () => 0,
    });
  }

  /** Clones the targets, load not yet running (see `run`); a failure closes whatever started. */
  static async start(options: CompareArmOptions): Promise<CompareArm> {
    const arm = new CompareArm(options);
    try {
      for (const target of options.targets) await arm.targets.addClone(target);
    } catch (error) {
      await arm.close();
      throw error;
    }
    arm.runningWhenStarted = options.config.load.running;
    return arm;
  }

  /** Start the load as configured: called in the same synchronous step as A joins the schedule. */
  run(): void {
    this.load.reconfigure({ running: this.runningWhenStarted });
  }

  config(): ArmConfig {
    return { pool: { ...this.pool.config }, load: { ...this.load.config } };
  }

  /** The whole config, already validated by the caller. */
  reconfigure(config: ArmConfig): void {
    this.pool.reconfigure(config.pool);
    this.load.reconfigure(config.load);
  }

  snapshot(tMs: number): ArmSnapshot {
    const s = this.builder.build(tMs);
    return {
      pool: s.pool,
      totals: s.totals,
      rates: s.rates,
      latency: s.latency,
      waitHistogram: s.waitHistogram,
      targets: s.targets,
      connections: s.connections,
      connectionCounts: s.connectionCounts,
      recentlyClosed: s.recentlyClosed,
      leakSuspects: s.leakSuspects,
      config: s.config,
    };
  }

  /** This arm's copy of target `id`, when it has one with knobs (an embedded clone). */
  patchTarget(id: string, knobs: TargetKnobs): PatchResult<TargetKnobs> | null {
    const target = this.targets.list().find((t) => t.id === id);
    return target?.embedded ? target.embedded.update(knobs) : null;
  }

  async restartTarget(id: string): Promise<void> {
    const target = this.targets.list().find((t) => t.id === id);
    if (target?.embedded) await target.embedded.restart();
  }

  /** Stop load, close the pool (its sockets), then the cloned servers (theirs); shared external targets stay up. */
  async close(): Promise<void> {
    await Promise.all([this.load.stop(), this.pool.close()]);
    await this.targets.closeAll(0);
  }
}
