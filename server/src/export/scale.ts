import type { PoolConfig } from '@poolscope/shared/pool-config';

/**
 * The lab runs at classroom speed (a 2 s idle timeout, a 10 s lifetime) so that a minute shows
 * a whole life cycle; production pools run the same policy at minutes and hours. Scaling
 * multiplies only those lifetimes: waits and timeouts (acquire, dial, health check) are already
 * sized to real network latencies.
 */
export const SCALED_KNOBS = ['idleTimeoutMs', 'maxLifetimeMs', 'heartbeatIntervalMs', 'leakDetectionThresholdMs'] as const;

export function scaleLifetimes(pool: PoolConfig, factor: number): PoolConfig {
  if (factor === 1) return pool;
  const scaled: PoolConfig = { ...pool };
  for (const knob of SCALED_KNOBS) scaled[knob] = pool[knob] * factor;
  return scaled;
}
