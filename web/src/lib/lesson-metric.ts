import { LESSON_METRICS, type LessonMetric } from '@poolscope/shared/lesson-schema';
import type { Snapshot } from '@poolscope/shared/snapshot';

/** The focused metric's value in a snapshot, by its path; undefined when the snapshot lacks it. */
export function readLessonMetric(snapshot: Snapshot | null, metric: LessonMetric): number | undefined {
  let value: unknown = snapshot;
  for (const key of LESSON_METRICS[metric].path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function lessonMetricUnit(metric: LessonMetric): string {
  return LESSON_METRICS[metric].unit;
}

/** The i18n key of each focusable metric's label (i18next reads dots as nesting, so the id's dots become _). */
export function metricLabelKey(metric: LessonMetric): string {
  return `lessons.metric.${metric.replace(/\./g, '_')}`;
}
