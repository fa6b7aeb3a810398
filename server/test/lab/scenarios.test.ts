import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOAD_CONFIG,
  DEFAULT_POOL_CONFIG,
  DEFAULT_TARGET_KNOBS,
  patchLoadConfig,
  patchPoolConfig,
  patchTargetKnobs,
} from '@poolscope/shared/config-rules';
import { LESSON_METRICS, LESSON_PANELS } from '@poolscope/shared/lesson-schema';
import { SCENARIOS } from '../../src/lab/scenarios';

/** The lab applies a scenario without validating it again: this is where the static data is proved. */
describe('scenarios', () => {
  it('have unique ids, a title and a note on what to watch', () => {
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
    for (const scenario of SCENARIOS) {
      expect(scenario.title.length).toBeGreaterThan(0);
      expect(scenario.watch.length).toBeGreaterThan(0);
    }
  });

  it('each focuses a panel the dashboard has and a metric it can read', () => {
    for (const scenario of SCENARIOS) {
      expect(LESSON_PANELS, scenario.id).toContain(scenario.focus.panel);
      expect(Object.keys(LESSON_METRICS), scenario.id).toContain(scenario.focus.metric);
    }
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s is a valid pool, load and target config over the defaults', (_id, scenario) => {
    expect(patchPoolConfig({ ...DEFAULT_POOL_CONFIG }, scenario.pool)).toMatchObject({ ok: true });
    expect(patchLoadConfig({ ...DEFAULT_LOAD_CONFIG }, scenario.load)).toMatchObject({ ok: true });
    expect(patchTargetKnobs({ ...DEFAULT_TARGET_KNOBS }, scenario.targets)).toMatchObject({ ok: true });
  });
});
