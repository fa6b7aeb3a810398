import {
  DEFAULT_LOAD_CONFIG,
  DEFAULT_POOL_CONFIG,
  DEFAULT_TARGET_KNOBS,
  patchLoadConfig,
  patchPoolConfig,
  patchTargetKnobs,
} from './config-rules';
import type { ArmConfig, ArmConfigPatch } from './compare';
import type { LoadConfig } from './load-config';
import type { PoolConfig } from './pool-config';
import { LoadConfigSchema } from './load-config';
import { PoolConfigSchema } from './pool-config';
import { LESSON_LANGUAGES, LESSON_METRICS, LESSON_PANELS, LessonSchema, type Lesson } from './lesson-schema';
import type { TargetKnobs } from './target-config';
import { TargetKnobsSchema } from './target-config';
import { schemaProblems, type ValidationDetail } from './validation';
import { plainText, unknownSeriesTerms } from './series-terms';

/** The lab state a step stands for: defaults, then the patches of steps 1..n in order. */
export interface LessonState {
  pool: PoolConfig;
  load: LoadConfig;
  targets: TargetKnobs;
  /** The step entered restarts the embedded targets (an action of that step only). */
  restartTargets: boolean;
  /** This step's comparison (its own, never carried over): B's patch and the config B runs with; null when the step does not compare. */
  compare: { patch: ArmConfigPatch; b: ArmConfig } | null;
}

/**
 * Going to step n from anywhere gives the same lab: each step's patch lands on the state the
 * steps before it left, starting from the defaults. Fails with the first step whose patch is refused.
 */
export function lessonStateAt(lesson: Lesson, step: number): { ok: true; value: LessonState } | { ok: false; details: ValidationDetail[] } {
  let pool: PoolConfig = { ...DEFAULT_POOL_CONFIG };
  let load: LoadConfig = { ...DEFAULT_LOAD_CONFIG, running: true };
  let targets: TargetKnobs = { ...DEFAULT_TARGET_KNOBS };
  for (let index = 0; index < step; index++) {
    const current = lesson.steps[index];
    if (!current) return { ok: false, details: [{ path: '/step', message: `lesson ${lesson.id} has ${lesson.steps.length} steps` }] };
    const at = `/steps/${index}`;
    const nextPool = patchPoolConfig(pool, current.pool ?? {});
    if (!nextPool.ok) return { ok: false, details: prefix(`${at}/pool`, nextPool.details) };
    const nextLoad = patchLoadConfig(load, current.load ?? {});
    if (!nextLoad.ok) return { ok: false, details: prefix(`${at}/load`, nextLoad.details) };
    const nextTargets = patchTargetKnobs(targets, current.targets ?? {});
    if (!nextTargets.ok) return { ok: false, details: prefix(`${at}/targets`, nextTargets.details) };
    pool = nextPool.value;
    load = nextLoad.value;
    targets = nextTargets.value;
  }
  const last = lesson.steps[step - 1];
  const compare = last?.compare
    ? compareAt(`/steps/${step - 1}/compare`, { pool, load }, last.compare)
    : { ok: true as const, value: null };
  if (!compare.ok) return compare;
  return { ok: true, value: { pool, load, targets, restartTargets: last?.restartTargets ?? false, compare: compare.value } };
}

/** B = A's state at the step with the step's patch, checked as `PUT /api/compare` checks it. */
function compareAt(
  at: string,
  a: ArmConfig,
  patch: ArmConfigPatch,
): { ok: true; value: LessonState['compare'] } | { ok: false; details: ValidationDetail[] } {
  const pool = patchPoolConfig(a.pool, patch.pool ?? {});
  const load = patchLoadConfig(a.load, patch.load ?? {});
  const details = [...(pool.ok ? [] : prefix(`${at}/pool`, pool.details)), ...(load.ok ? [] : prefix(`${at}/load`, load.details))];
  if (!pool.ok || !load.ok) return { ok: false, details };
  return { ok: true, value: { patch, b: { pool: pool.value, load: load.value } } };
}

const KNOBS = new Set([
  ...Object.keys(PoolConfigSchema.properties),
  ...Object.keys(LoadConfigSchema.properties),
  ...Object.keys(TargetKnobsSchema.properties),
]);
const PANELS = new Set<string>(LESSON_PANELS);
const MAX_STEPS = 8;
const MIN_STEPS = 4;

/** Everything wrong with a lesson: its shape, unknown panels, metrics or knobs, texts, and a state that would be refused. */
export function lessonProblems(lesson: unknown): ValidationDetail[] {
  const shape = schemaProblems(LessonSchema, lesson);
  if (shape.length > 0) return shape;
  const valid = lesson as Lesson;
  const details: ValidationDetail[] = [];
  if (valid.steps.length < MIN_STEPS || valid.steps.length > MAX_STEPS) {
    details.push({ path: '/steps', message: `a lesson has ${MIN_STEPS} to ${MAX_STEPS} steps, this one ${valid.steps.length}` });
  }
  valid.steps.forEach((step, index) => {
    const at = `/steps/${index}`;
    if (!PANELS.has(step.focus.panel)) details.push({ path: `${at}/focus/panel`, message: `unknown panel ${step.focus.panel}` });
    if (!(step.focus.metric in LESSON_METRICS))
      details.push({ path: `${at}/focus/metric`, message: `unknown metric ${step.focus.metric}` });
    if (step.knob !== undefined && !KNOBS.has(step.knob)) details.push({ path: `${at}/knob`, message: `unknown knob ${step.knob}` });
    for (const language of LESSON_LANGUAGES) {
      const sentences = countSentences(plainText(step.watch[language]));
      if (sentences < 1 || sentences > 3)
        details.push({ path: `${at}/watch/${language}`, message: `say what to watch in 1 to 3 sentences, not ${sentences}` });
      for (const series of unknownSeriesTerms(step.watch[language])) {
        details.push({ path: `${at}/watch/${language}`, message: `unknown chart series ${series}` });
      }
    }
    if (step.compare && Object.keys(step.compare.pool ?? {}).length + Object.keys(step.compare.load ?? {}).length === 0) {
      details.push({ path: `${at}/compare`, message: 'a comparison names at least one knob where B differs from A' });
    }
  });
  for (let step = 1; step <= valid.steps.length; step++) {
    const state = lessonStateAt(valid, step);
    if (!state.ok) details.push(...state.details);
  }
  return details;
}

/** Sentences end in . ! ? before a space or the end (so "0.5" is not an end), or at a full-width 。！？. */
export function countSentences(text: string): number {
  return text.split(/(?<=[。！？])|(?<=[.!?])(?:\s+|$)/u).filter((part) => part.trim().length > 0).length;
}

function prefix(path: string, details: ValidationDetail[]): ValidationDetail[] {
  return details.map((detail) => ({ path: `${path}${detail.path === '/' ? '' : detail.path}`, message: detail.message }));
}
