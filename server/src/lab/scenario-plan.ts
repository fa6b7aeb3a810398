import type { LoadConfig } from '@poolscope/shared/load-config';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { TargetKnobs } from '@poolscope/shared/target-config';
import {
  DEFAULT_LOAD_CONFIG,
  DEFAULT_POOL_CONFIG,
  DEFAULT_TARGET_KNOBS,
  patchLoadConfig,
  patchPoolConfig,
  patchTargetKnobs,
} from '@poolscope/shared/config-rules';
import { LabError } from './lab-error';
import type { Scenario } from './scenarios';

/** Everything a scenario will set, computed and validated before any of it is applied. */
export interface ScenarioPlan {
  pool: PoolConfig;
  load: LoadConfig;
  /** For every embedded target. */
  knobs: TargetKnobs;
}

/** Pure: a scenario's data that does not validate is the lab's bug, reported as INTERNAL with nothing applied. */
export function planScenario(scenario: Scenario): ScenarioPlan {
  const pool = patchPoolConfig({ ...DEFAULT_POOL_CONFIG }, scenario.pool);
  const load = patchLoadConfig({ ...DEFAULT_LOAD_CONFIG }, scenario.load);
  const knobs = patchTargetKnobs({ ...DEFAULT_TARGET_KNOBS }, scenario.targets);
  if (!pool.ok || !load.ok || !knobs.ok) {
    throw LabError.internal(`scenario ${scenario.id} is invalid, nothing applied`, new Error(JSON.stringify([pool, load, knobs])));
  }
  return { pool: pool.value, load: load.value, knobs: knobs.value };
}
