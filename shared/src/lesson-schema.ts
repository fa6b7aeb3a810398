import { Type, type Static } from '@sinclair/typebox';
import { LoadConfigPatchSchema } from './load-config';
import { PoolConfigPatchSchema } from './pool-config';
import { TargetKnobsPatchSchema } from './target-config';

/**
 * A lesson is data: an ordered list of steps, each saying what to watch, the state it puts the
 * lab in and where the class should look. The schema checks the shape; `lessonProblems()` in
 * lesson-checks.ts checks that every panel, metric and knob it names exists.
 */

/** The dashboard's panels, by the `id` each panel renders with (`<section id=…>`). */
export const LESSON_PANELS = [
  'pool-state',
  'wait-times',
  'throughput',
  'health',
  'littles-law',
  'connection-map',
  'connection-lifetimes',
  'targets',
  'events',
] as const;
export type LessonPanel = (typeof LESSON_PANELS)[number];

/**
 * Metrics a step can focus, each a path into the snapshot so the dashboard can read and show it big.
 * `rates.*` are per second over the trailing second; `latency.*` over the last sampling window.
 */
export const LESSON_METRICS = {
  'pool.open': { path: ['pool', 'open'], unit: 'connections' },
  'pool.idle': { path: ['pool', 'idle'], unit: 'connections' },
  'pool.active': { path: ['pool', 'active'], unit: 'connections' },
  'pool.waiting': { path: ['pool', 'waiting'], unit: 'borrowers' },
  'pool.leakSuspects': { path: ['pool', 'leakSuspects'], unit: 'loans' },
  'rates.dials': { path: ['rates', 'dials'], unit: '/s' },
  'rates.acquires': { path: ['rates', 'acquires'], unit: '/s' },
  'rates.acquireTimeouts': { path: ['rates', 'acquireTimeouts'], unit: '/s' },
  'rates.healthChecksPassed': { path: ['rates', 'healthChecksPassed'], unit: '/s' },
  'rates.healthChecksFailed': { path: ['rates', 'healthChecksFailed'], unit: '/s' },
  'rates.staleBorrows': { path: ['rates', 'staleBorrows'], unit: '/s' },
  'rates.requests.ok': { path: ['rates', 'requests', 'ok'], unit: '/s' },
  'rates.requests.request-timeout': { path: ['rates', 'requests', 'request-timeout'], unit: '/s' },
  'rates.requests.bad-reply': { path: ['rates', 'requests', 'bad-reply'], unit: '/s' },
  'rates.closed.excess-idle': { path: ['rates', 'closed', 'excess-idle'], unit: '/s' },
  'rates.closed.remote-closed': { path: ['rates', 'closed', 'remote-closed'], unit: '/s' },
  'rates.closed.max-lifetime': { path: ['rates', 'closed', 'max-lifetime'], unit: '/s' },
  'latency.acquireWaitMs.p99': { path: ['latency', 'acquireWaitMs', 'p99'], unit: 'ms' },
  'latency.rttMs.p50': { path: ['latency', 'rttMs', 'p50'], unit: 'ms' },
  'latency.rttMs.p99': { path: ['latency', 'rttMs', 'p99'], unit: 'ms' },
} as const satisfies Record<string, { path: readonly string[]; unit: string }>;
export type LessonMetric = keyof typeof LESSON_METRICS;

/** The languages every lesson text ships in. */
export const LESSON_LANGUAGES = ['en', 'zh-CN'] as const;
export type LessonLanguage = (typeof LESSON_LANGUAGES)[number];

const Text = (maxLength: number) =>
  Type.Object(
    { en: Type.String({ minLength: 1, maxLength }), 'zh-CN': Type.String({ minLength: 1, maxLength }) },
    { additionalProperties: false },
  );

export const LessonStepSchema = Type.Object(
  {
    title: Text(80),
    /** One to three sentences, checked by lessonProblems(). */
    watch: Text(400),
    notes: Text(1200),
    pool: Type.Optional(PoolConfigPatchSchema),
    load: Type.Optional(LoadConfigPatchSchema),
    /** Applied to every embedded target. */
    targets: Type.Optional(TargetKnobsPatchSchema),
    /** An action on arrival, not state: restart every embedded target when this step is entered. */
    restartTargets: Type.Optional(Type.Boolean()),
    focus: Type.Object({ panel: Type.String(), metric: Type.String() }, { additionalProperties: false }),
    /** The knob the class should see moved in this step (a pool, load or target knob name). */
    knob: Type.Optional(Type.String()),
    /**
     * This step compares: arm B runs beside the lab (arm A) as A's state at this step with this
     * patch, as `PUT /api/compare` would start it. Not cumulative, unlike pool/load/targets: a
     * comparison belongs to the step that names it. Entering a step with `compare` starts it afresh
     * (seed 1); entering a step without it, or leaving the lesson, stops any comparison running.
     */
    compare: Type.Optional(
      Type.Object(
        { pool: Type.Optional(PoolConfigPatchSchema), load: Type.Optional(LoadConfigPatchSchema) },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const LessonSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
    title: Text(80),
    summary: Text(300),
    steps: Type.Array(LessonStepSchema, { minItems: 1, maxItems: 12 }),
  },
  { additionalProperties: false },
);

export type LocalizedText = Static<ReturnType<typeof Text>>;
export type LessonStep = Static<typeof LessonStepSchema> & { focus: { panel: LessonPanel; metric: LessonMetric } };
export type Lesson = Omit<Static<typeof LessonSchema>, 'steps'> & { steps: LessonStep[] };

/** Which lesson and step the lab is in; `step` counts from 1, as "Step 3/7" reads. */
export interface LessonPosition {
  id: string;
  step: number;
}
