import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goToLessonStep } from '../../lib/commands';
import { useLive } from '../../lib/use-live';
import { lessonLanguage, pickText } from './lesson-language';
import { presenterAction, stepAfter } from './presenter-keys';
import { useLessons } from './use-lessons';
import { SeriesText } from '../../components/series-text';

/** The presenter's second window: this step's notes, what comes next, and a timer. Arrow keys move the class here too. */
export function SpeakerNotes() {
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const startedAt = useState(() => Date.now())[0];
  const [now, setNow] = useState(() => Date.now());
  const { t, i18n } = useTranslation();
  const language = lessonLanguage(i18n.language);
  const lesson = position ? lessons.find((l) => l.id === position.id) : undefined;

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (!lesson || !position) return;
    const onKey = (event: KeyboardEvent) => {
      const action = presenterAction(event);
      if (action !== 'next' && action !== 'previous' && action !== 'first' && action !== 'last') return;
      event.preventDefault();
      void goToLessonStep(lesson.id, stepAfter(action, position.step, lesson.steps.length));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lesson, position]);

  const elapsedS = Math.floor((now - startedAt) / 1000);
  const timer = `${Math.floor(elapsedS / 60)}:${String(elapsedS % 60).padStart(2, '0')}`;
  if (!lesson || !position) {
    return (
      <main className="speaker-notes">
        <p className="muted">{t('lessons.speakerIdle')}</p>
      </main>
    );
  }
  const step = lesson.steps[position.step - 1];
  const next = lesson.steps[position.step];
  return (
    <main className="speaker-notes" aria-label={t('lessons.speakerNotes')}>
      <header className="speaker-head">
        <p>
          {pickText(lesson.title, language)} ·{' '}
          <span data-testid="speaker-step">{t('lessons.step', { step: position.step, count: lesson.steps.length })}</span>
        </p>
        <p className="speaker-timer" aria-label={t('lessons.timer')}>
          {timer}
        </p>
      </header>
      {step ? (
        <section>
          <h1>{pickText(step.title, language)}</h1>
          <p className="speaker-notes-text" data-testid="speaker-notes">
            {pickText(step.notes, language)}
          </p>
        </section>
      ) : null}
      <section className="speaker-next">
        <h2>{t('lessons.nextStep')}</h2>
        {next ? (
          <p>
            <strong>{pickText(next.title, language)}</strong>: <SeriesText text={pickText(next.watch, language)} />
          </p>
        ) : (
          <p className="muted">{t('lessons.lastStep')}</p>
        )}
      </section>
    </main>
  );
}
