import { Value } from '@sinclair/typebox/value';
import { PoolConfigSchema, type PoolConfig } from '@poolscope/shared/pool-config';

/** The lab's defaults, and a config whose every timing differs from them and from each other, so a read that ignores the export fails. */
export const DEFAULT_POOL: PoolConfig = Value.Create(PoolConfigSchema);

export const VARIED_POOL: PoolConfig = {
  ...DEFAULT_POOL,
  maxOpen: 17,
  maxIdle: 13,
  minIdle: 3,
  maxWaiters: 250,
  acquireTimeoutMs: 4500,
  dialTimeoutMs: 3000,
  dialBackoffBaseMs: 70,
  idleTimeoutMs: 45_000,
  maxLifetimeMs: 1_200_000,
  validateAfterIdleMs: 800,
  heartbeatIntervalMs: 60_000,
  healthCheckTimeoutMs: 700,
  leakDetectionThresholdMs: 9000,
  idleOrder: 'fifo',
  keepAlive: false,
};

export const LAB_CONFIGS: [string, PoolConfig][] = [
  ['the lab defaults', DEFAULT_POOL],
  ['a varied config', VARIED_POOL],
];
