import type { ConnectionSnapshot, Counters, Snapshot, TargetSnapshot } from '@poolscope/shared/snapshot';
import type { LabConfig } from '@poolscope/shared/protocol';
import type { LessonPosition } from '@poolscope/shared/lesson-schema';
import type { ConnectionState } from '@poolscope/shared/vocabulary';
import type { LoadReadout, PoolReadout } from './pool-readout';
import type { RegisteredTarget } from './target-registry';
import { RateWindow } from './rate-window';
import type { MarkerLog } from './marker-log';
import type { RecentlyClosed } from './recently-closed';

/** Past this many connections the list is cut and only the per-target, per-state counts stay whole (~64 KB budget). */
export const CONNECTION_LIST_CAP = 500;

export interface SnapshotSources {
  pool: PoolReadout;
  load: LoadReadout;
  targets: () => RegisteredTarget[];
  markers: MarkerLog;
  recentlyClosed: RecentlyClosed;
  config: () => LabConfig;
  scenarioId: () => string | null;
  lesson: () => LessonPosition | null;
  viewers: () => number;
  relayViewers: () => number;
  eventsDropped: () => number;
}

/** Turns the engine's readouts into the wire snapshot; owns the windows that rates are computed over. */
export class SnapshotBuilder {
  private seq = 0;
  private readonly counterRates = new RateWindow<Counters>();
  private readonly targetRates = new RateWindow<Record<string, number>>();
  /** The request rates of the last build, so a read between ticks can show them without pushing the window. */
  private lastRequestRates: Record<string, number> = {};

  constructor(private readonly sources: SnapshotSources) {}

  build(tMs = Date.now()): Snapshot {
    const { pool, load } = this.sources;
    const poolStats = pool.stats();
    const loadStats = load.stats();
    const counters = countersOf(poolStats, loadStats);
    const { latency, waitHistogram } = pool.takeLatencyWindow();
    const listed = this.connectionList(tMs);
    return {
      seq: ++this.seq,
      t: tMs,
      pool: gaugesOf(poolStats),
      totals: {
        ...counters,
        requestsInFlight: loadStats.inFlight,
        dialFailuresByCode: { ...poolStats.dialFailuresByCode },
        healthChecksByMethod: structuredClone(poolStats.healthChecksByMethod),
      },
      rates: this.counterRates.push(tMs, counters),
      latency,
      waitHistogram,
      targets: this.targetList(this.pushRequestRates(tMs)),
      connections: listed.connections,
      connectionCounts: listed.counts,
      recentlyClosed: this.sources.recentlyClosed.recent(tMs),
      leakSuspects: pool.leakSuspects(),
      markers: this.sources.markers.recent(),
      config: this.sources.config(),
      scenarioId: this.sources.scenarioId(),
      lesson: this.sources.lesson(),
      viewers: this.sources.viewers(),
      relayViewers: this.sources.relayViewers(),
      compare: null,
      eventsDropped: this.sources.eventsDropped(),
    };
  }

  private connectionList(tMs: number): { connections: ConnectionSnapshot[]; counts: Snapshot['connectionCounts'] } {
    const connections: ConnectionSnapshot[] = [];
    const byTargetAndState: Record<string, Partial<Record<ConnectionState, number>>> = {};
    let total = 0;
    for (const c of this.sources.pool.connections()) {
      total++;
      const perState = (byTargetAndState[c.targetId] ??= {});
      perState[c.state] = (perState[c.state] ?? 0) + 1;
      if (connections.length < CONNECTION_LIST_CAP) {
        connections.push({
          id: c.id,
          targetId: c.targetId,
          state: c.state,
          ageMs: tMs - c.createdAt,
          idleMs: c.state === 'idle' ? tMs - c.lastUsedAt : 0,
          uses: c.uses,
        });
      }
    }
    return { connections, counts: { total, listed: connections.length, byTargetAndState } };
  }

  /**
   * One target as it is now, with the request rate of the last tick. A read: it bumps no seq
   * and takes no window, so answering a control never changes what the stream shows.
   */
  describeTarget(id: string): TargetSnapshot | undefined {
    return this.targetList(this.lastRequestRates).find((t) => t.id === id);
  }

  private pushRequestRates(tMs: number): Record<string, number> {
    const requests = Object.fromEntries(this.sources.pool.targetStats().map((t) => [t.targetId, t.requests]));
    this.lastRequestRates = this.targetRates.push(tMs, requests);
    return this.lastRequestRates;
  }

  private targetList(requestRates: Record<string, number>): TargetSnapshot[] {
    const poolTargets = new Map(this.sources.pool.targetStats().map((t) => [t.targetId, t]));
    return this.sources.targets().map((target) => {
      const seen = poolTargets.get(target.id);
      const serverState = target.embedded?.state() ?? 'up';
      return {
        id: target.id,
        address: target.address,
        embedded: target.embedded !== null,
        state: serverState === 'up' && seen?.state === 'backoff' ? 'backoff' : serverState,
        open: seen?.open ?? 0,
        healthChecksFailed: seen?.healthChecksFailed ?? 0,
        dialFailures: seen?.dialFailures ?? 0,
        requestsPerSec: requestRates[target.id] ?? 0,
        lastError: seen?.lastError ?? null,
        knobs: target.embedded?.knobs() ?? null,
        server: target.embedded?.counters() ?? null,
      };
    });
  }
}

/** Field by field, so the wire carries the snapshot's gauges only, not whatever else `stats()` grows. */
function gaugesOf(stats: ReturnType<PoolReadout['stats']>): Snapshot['pool'] {
  return {
    open: stats.open,
    idle: stats.idle,
    active: stats.active,
    connecting: stats.connecting,
    validating: stats.validating,
    closing: stats.closing,
    waiting: stats.waiting,
    maxOpen: stats.maxOpen,
    minIdle: stats.minIdle,
    maxIdle: stats.maxIdle,
    socketBudget: stats.socketBudget,
    oldestWaitMs: stats.oldestWaitMs,
    leakSuspects: stats.leakSuspects,
  };
}

function countersOf(pool: ReturnType<PoolReadout['stats']>, load: ReturnType<LoadReadout['stats']>): Counters {
  return {
    acquires: pool.acquires,
    acquiresWaited: pool.acquiresWaited,
    acquireTimeouts: pool.acquireTimeouts,
    rejected: pool.rejected,
    dials: pool.dials,
    dialFailures: pool.dialFailures,
    healthChecksPassed: pool.healthChecksPassed,
    healthChecksFailed: pool.healthChecksFailed,
    staleBorrows: pool.staleBorrows,
    requestsStarted: load.started,
    closed: { ...pool.closed },
    requests: { ...load.outcomes },
  };
}
