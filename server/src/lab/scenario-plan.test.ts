import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGET_KNOBS } from '@poolscope/shared/config-rules';
import { SCENARIOS } from './scenarios';
import { planScenario } from './scenario-plan';

describe('scenario plans', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s validates whole against the shared schemas', (_id, scenario) => {
    const plan = planScenario(scenario);
    expect(plan.pool).toMatchObject(scenario.pool);
    expect(plan.load).toMatchObject(scenario.load);
    expect(plan.knobs).toEqual({ ...DEFAULT_TARGET_KNOBS, ...scenario.targets });
  });

  it('a scenario whose data breaks a rule is refused as INTERNAL before anything is applied', () => {
    const broken = { ...SCENARIOS[0]!, id: 'broken', pool: { maxOpen: -1 } };
    expect(() => planScenario(broken)).toThrow(expect.objectContaining({ code: 'INTERNAL', statusCode: 500 }));
  });
});
