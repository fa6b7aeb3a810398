import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { LessonPanel } from '@poolscope/shared/lesson-schema';
import { useLive } from '../../lib/use-live';
import { lessonLanguage, pickText } from './lesson-language';
import { useLessons } from './use-lessons';
import { SeriesText } from '../../components/series-text';

/** The presenter's lesson step as the audience reads it: no buttons, the focused panel below. Nothing outside a lesson. */
export function AudienceStep({ renderPanel }: { renderPanel: (panel: LessonPanel) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const lesson = position ? lessons.find((l) => l.id === position.id) : undefined;
  const step = position && lesson ? lesson.steps[position.step - 1] : undefined;
  if (!position || !lesson || !step) return null;
  const language = lessonLanguage(i18n.language);
  return (
    <section className="audience-step" aria-live="polite" data-testid="audience-step">
      <p className="muted">
        {pickText(lesson.title, language)} · {t('audience.stepOf', { step: position.step, count: lesson.steps.length })}
      </p>
      <h2 data-testid="audience-step-title">{pickText(step.title, language)}</h2>
      <p>
        <SeriesText text={pickText(step.watch, language)} />
      </p>
      <div data-focus-panel={step.focus.panel}>{renderPanel(step.focus.panel)}</div>
    </section>
  );
}
