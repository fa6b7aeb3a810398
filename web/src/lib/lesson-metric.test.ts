import { describe, expect, it } from 'vitest';
import { LESSON_METRICS, type LessonMetric } from '@poolscope/shared/lesson-schema';
import { makeSnapshot } from '../test-support/fixtures';
import { metricLabelKey, readLessonMetric } from './lesson-metric';
import { en } from '../i18n/en';

describe('lesson metrics', () => {
  it('reads every focusable metric as a number from a snapshot, by its path', () => {
    const snapshot = makeSnapshot({ seq: 1, t: 1 });
    for (const metric of Object.keys(LESSON_METRICS) as LessonMetric[]) {
      expect(typeof readLessonMetric(snapshot, metric), metric).toBe('number');
      const [, , leaf] = metricLabelKey(metric).split('.');
      expect((en.lessons.metric as Record<string, string>)[leaf!], metric).toBeTruthy();
    }
    expect(readLessonMetric(snapshot, 'pool.open')).toBe(snapshot.pool.open);
    expect(readLessonMetric(snapshot, 'latency.rttMs.p50')).toBe(snapshot.latency.rttMs.p50);
  });

  it('is undefined without a snapshot', () => {
    expect(readLessonMetric(null, 'pool.open')).toBeUndefined();
  });
});
