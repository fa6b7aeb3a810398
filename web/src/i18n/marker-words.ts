import type { TFunction } from 'i18next';
import type { Marker, MarkerChange } from '@poolscope/shared/snapshot';
import { findLesson } from '@poolscope/shared/lessons';

/*
 * Markers as the server states them in data (shared/snapshot.ts: `code`, `params`, `changes`),
 * worded in the reader's language. Knob names become their titles, booleans on/off; string values
 * are API codes (naive-probe, lifo) and stay as they are, as the knob controls show them.
 */

const str = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/** A knob value as the reader sees it: numbers and codes as they are, true/false as words. */
export function knobValue(t: TFunction, value: string | number | boolean | undefined): string {
  if (typeof value === 'boolean') return value ? t('markers.valueTrue') : t('markers.valueFalse');
  return str(value);
}

export const knobName = (t: TFunction, knob: string): string => t(`knobs.${knob}.title`, { defaultValue: knob });

/** "Max open connections 10→4, Hold time 20→100" (or "… 4" when only the new value is known). */
export function wordChanges(t: TFunction, changes: readonly MarkerChange[]): string {
  return changes
    .map((c) =>
      c.from === undefined
        ? t('markers.setTo', { knob: knobName(t, c.knob), to: knobValue(t, c.to) })
        : t('markers.change', { knob: knobName(t, c.knob), from: knobValue(t, c.from), to: knobValue(t, c.to) }),
    )
    .join(t('markers.separator'));
}

/** The marker in the reader's language from its code; null for a marker without one (an older recording). */
export function wordMarker(t: TFunction, m: Pick<Marker, 'code' | 'params' | 'changes'>, language: string): string | null {
  const params = m.params ?? {};
  const changes = m.changes ?? [];
  switch (m.code) {
    case 'config-changed':
      return wordChanges(t, changes);
    case 'scenario-applied':
      return t(`scenarios.${str(params.scenarioId)}.title`, { defaultValue: str(params.scenarioId) });
    case 'lesson-step': {
      const lesson = findLesson(str(params.lessonId));
      const title = lesson ? lesson.title[language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'] : str(params.lessonId);
      return t('markers.lessonStep', { lesson: title, step: params.step, count: params.count });
    }
    case 'compare-started':
      return changes.length === 0
        ? t('markers.compareStartedSame')
        : t('markers.compareStarted', {
            diff: changes
              .map((c) => t('markers.armDiff', { knob: knobName(t, c.knob), a: knobValue(t, c.from), b: knobValue(t, c.to) }))
              .join(t('markers.separator')),
          });
    case 'compare-patched':
      return t('markers.armBChanged', { changes: wordChanges(t, changes) });
    case 'compare-stopped':
      return t('markers.compareStopped');
    case 'compare-kept-b':
      return t('markers.keptB');
    case 'target-changed':
      return t('markers.targetChanged', { target: str(params.targetId), changes: wordChanges(t, changes) });
    case 'target-b-changed':
      return t('markers.targetBChanged', { target: str(params.targetId), changes: wordChanges(t, changes) });
    case 'target-restarted':
      return t('markers.restarted', { target: str(params.targetId) });
    case 'leaks-reclaimed':
      return t('markers.reclaimed', { count: Number(params.count ?? 0) });
    default:
      return null;
  }
}
