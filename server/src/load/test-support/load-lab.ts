import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import type { LoadConfigPatch } from '@poolscope/shared/load-config';
import type { TargetKnobsPatch } from '@poolscope/shared/target-config';
import { ConnectionPool } from '../../pool/connection-pool';
import { EchoTarget } from '../../targets/echo-target';
import { LoadGenerator, type LoadGeneratorOptions } from '../load-generator';
import type { LoadStats } from '../load-tally';

/** started = sum(outcomes) + inFlight, with the numbers in the message when it fails. */
export function invariantHolds(stats: LoadStats): boolean {
  const ended = Object.values(stats.outcomes).reduce((sum, n) => sum + n, 0);
  return stats.started === ended + stats.inFlight && stats.inFlight >= 0;
}

/**
 * Real targets, a real pool and load generators, all closed in afterEach in the order the lab
 * uses: load first, then the pool (its sockets), then the targets.
 */
export class LoadLab {
  #targets: EchoTarget[] = [];
  #pools: ConnectionPool[] = [];
  #loads: LoadGenerator[] = [];

  async target(knobs: TargetKnobsPatch = {}): Promise<EchoTarget> {
    const target = await EchoTarget.start({ knobs: { latencyMs: 1, jitterMs: 1, ...knobs } });
    this.#targets.push(target);
    return target;
  }

  pool(targets: EchoTarget[], config: PoolConfigPatch = {}): ConnectionPool {
    const pool = new ConnectionPool({
      config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200, ...config },
      targets: targets.map((t) => ({ id: t.id, host: t.host, port: t.port })),
    });
    this.#pools.push(pool);
    return pool;
  }

  load(pool: ConnectionPool, config: LoadConfigPatch = {}, options: Omit<LoadGeneratorOptions, 'pool' | 'config'> = {}): LoadGenerator {
    const load = new LoadGenerator({ pool, config: { holdMs: 0, holdJitterMs: 0, thinkMs: 0, ...config }, ...options });
    this.#loads.push(load);
    return load;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.#loads.splice(0).map((l) => l.stop()));
    await Promise.all(this.#pools.splice(0).map((p) => p.close()));
    await Promise.all(this.#targets.splice(0).map((t) => t.close()));
  }
}
