import type { PoolConfig, PoolConfigPatch } from './pool-config';
import { PoolConfigSchema, PoolConfigPatchSchema } from './pool-config';
import type { LoadConfig, LoadConfigPatch } from './load-config';
import { LoadConfigSchema, LoadConfigPatchSchema } from './load-config';
import type { TargetKnobs, TargetKnobsPatch } from './target-config';
import { TargetKnobsSchema, TargetKnobsPatchSchema } from './target-config';
import { applyPatch, defaultsOf, type PatchResult, type ValidationDetail } from './validation';

export const DEFAULT_POOL_CONFIG: Readonly<PoolConfig> = Object.freeze(defaultsOf(PoolConfigSchema));
export const DEFAULT_LOAD_CONFIG: Readonly<LoadConfig> = Object.freeze(defaultsOf(LoadConfigSchema));
export const DEFAULT_TARGET_KNOBS: Readonly<TargetKnobs> = Object.freeze(defaultsOf(TargetKnobsSchema));

/** Rules that span fields, which a per-field schema cannot say. */
export function poolConfigCrossProblems(config: PoolConfig): ValidationDetail[] {
  const details: ValidationDetail[] = [];
  if (config.minIdle > config.maxIdle) {
    details.push({
      path: '/minIdle',
      message: `Min idle connections (${config.minIdle}) must not exceed Max idle connections (${config.maxIdle})`,
    });
  }
  if (config.maxOpen > 0 && config.minIdle > config.maxOpen) {
    details.push({
      path: '/minIdle',
      message: `Min idle connections (${config.minIdle}) must not exceed Max open connections (${config.maxOpen})`,
    });
  }
  if (config.dialBackoffBaseMs > config.dialBackoffMaxMs) {
    details.push({
      path: '/dialBackoffBaseMs',
      message: `Dial backoff base (${config.dialBackoffBaseMs} ms) must not exceed Dial backoff cap (${config.dialBackoffMaxMs} ms)`,
    });
  }
  return details;
}

export function patchPoolConfig(current: PoolConfig, patch: PoolConfigPatch | unknown): PatchResult<PoolConfig> {
  return applyPatch(PoolConfigPatchSchema, PoolConfigSchema, current, patch, poolConfigCrossProblems);
}

export function patchLoadConfig(current: LoadConfig, patch: LoadConfigPatch | unknown): PatchResult<LoadConfig> {
  return applyPatch(LoadConfigPatchSchema, LoadConfigSchema, current, patch);
}

export function patchTargetKnobs(current: TargetKnobs, patch: TargetKnobsPatch | unknown): PatchResult<TargetKnobs> {
  return applyPatch(TargetKnobsPatchSchema, TargetKnobsSchema, current, patch);
}
