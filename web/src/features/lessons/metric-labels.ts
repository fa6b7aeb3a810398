import type { LessonMetric } from '@poolscope/shared/lesson-schema';
import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';
import { TargetKnobsSchema } from '@poolscope/shared/target-config';

/** The i18n key of each focusable metric's label (i18next reads dots as nesting, so the id's dots become _). */
export function metricLabelKey(metric: LessonMetric): string {
  return `lessons.metric.${metric.replace(/\./g, '_')}`;
}

const KNOB_SCHEMAS: Record<string, { title?: unknown }> = {
  ...PoolConfigSchema.properties, ...LoadConfigSchema.properties, ...TargetKnobsSchema.properties,
};

/** A knob's visible label from the shared schema, as the sliders show it. */
export function knobLabel(name: string): string {
  const title = KNOB_SCHEMAS[name]?.title;
  return typeof title === 'string' ? title : name;
}
