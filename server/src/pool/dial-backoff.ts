import type { PoolConfig } from '@poolscope/shared/pool-config';
import { fullJitterBackoffMs } from './backoff';
import type { TargetEntry } from './target-set';

/** Puts a target that just failed a dial into backoff; returns the delay chosen. */
export function backoffFor(entry: TargetEntry, config: PoolConfig, random: () => number): number {
  const backoffMs = fullJitterBackoffMs(entry.consecutiveFailures, config.dialBackoffBaseMs, config.dialBackoffMaxMs, random);
  entry.backoffUntil = Math.max(entry.backoffUntil, performance.now() + backoffMs);
  return backoffMs;
}
