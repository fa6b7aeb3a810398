import type { ReactNode } from 'react';
import type { LessonPanel } from '@poolscope/shared/lesson-schema';
import { useLive } from '../../lib/use-live';
import { lessonLanguage, pickText } from './lesson-language';
import { useLessons } from './use-lessons';

const STEP_OF = (step: number, count: number) => `Step ${step} of ${count}`;

/** The presenter's lesson step as the audience reads it: no buttons, the focused panel below. Nothing outside a lesson. */
export function AudienceStep({ renderPanel }: { renderPanel: (panel: LessonPanel) => ReactNode }) {
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const lesson = position ? lessons.find((l) => l.id === position.id) : undefined;
  const step = position && lesson ? lesson.steps[position.step - 1] : undefined;
  if (!position || !lesson || !step) return null;
  const language = lessonLanguage(document.documentElement.lang || navigator.language);
  return (
    <section className="audience-step" aria-live="polite" data-testid="audience-step">
      <p className="muted">{pickText(lesson.title, language)} · {STEP_OF(position.step, lesson.steps.length)}</p>
      <h2 data-testid="audience-step-title">{pickText(step.title, language)}</h2>
      <p>{pickText(step.watch, language)}</p>
      <div data-focus-panel={step.focus.panel}>{renderPanel(step.focus.panel)}</div>
    </section>
  );
}
