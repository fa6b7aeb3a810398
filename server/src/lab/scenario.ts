import type { ArmConfigPatch } from '@poolscope/shared/compare';
import type { LoadConfigPatch } from '@poolscope/shared/load-config';
import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import type { ScenarioSummary } from '@poolscope/shared/protocol';
import type { TargetKnobsPatch } from '@poolscope/shared/target-config';

/**
 * A scenario starts from the defaults and sets only what it teaches, so applying one
 * always gives the same lab whatever was tuned before.
 */
export interface Scenario extends Omit<ScenarioSummary, 'compare'> {
  pool: PoolConfigPatch;
  load: LoadConfigPatch;
  /** Applied to every embedded target (external targets have no knobs). */
  targets: TargetKnobsPatch;
  /** Restart every embedded target once the knobs are applied. */
  restartTargets?: boolean;
  /** A comparison scenario: after A is set up as above, B starts as A with this patch. */
  compareB?: ArmConfigPatch;
}
