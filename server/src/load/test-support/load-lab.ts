import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import type { LoadConfigPatch } from '@poolscope/shared/load-config';
import type { TargetKnobsPatch } from '@poolscope/shared/target-config';
import { ConnectionPool } from '../../pool/connection-pool';
import { EchoTarget } from '../../targets/echo-target';
import { LoadGenerator, type LoadGeneratorOptions } from '../load-generator';
import type { LoadStats } from '../load-tally';
import type { Track } from '../../test-support/close-after-each';

/** started = sum(outcomes) + inFlight, with the numbers in the message when it fails. */
export function invariantHolds(stats: LoadStats): boolean {
  const ended = Object.values(stats.outcomes).reduce((sum, n) => sum + n, 0);
  return stats.started === ended + stats.inFlight && stats.inFlight >= 0;
}

/**
 * Real targets, a real pool and load generators, each handed to `track` (from closeAfterEach):
 * closed after the test newest first, which is the lab's own order: load, then the pool (its
 * sockets), then the targets.
 */
export class LoadLab {
  constructor(private readonly track: Track) {}

  async target(knobs: TargetKnobsPatch = {}): Promise<EchoTarget> {
    const target = await EchoTarget.start({ knobs: { latencyMs: 1, jitterMs: 1, ...knobs } });
    return this.track(target);
  }

  pool(targets: EchoTarget[], config: PoolConfigPatch = {}): ConnectionPool {
    const pool = new ConnectionPool({
      config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200, ...config },
      targets: targets.map((t) => ({ id: t.id, host: t.host, port: t.port })),
    });
    return this.track(pool);
  }

  load(pool: ConnectionPool, config: LoadConfigPatch = {}, options: Omit<LoadGeneratorOptions, 'pool' | 'config'> = {}): LoadGenerator {
    const load = new LoadGenerator({ pool, config: { holdMs: 0, holdJitterMs: 0, thinkMs: 0, ...config }, ...options });
    this.track(() => load.stop());
    return load;
  }
}
