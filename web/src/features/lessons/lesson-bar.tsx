import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goToLessonStep, leaveLesson } from '../../lib/commands';
import { useLive } from '../../lib/use-live';
import { useReadOnly } from '../../lib/read-only';
import { ackMessage } from '../../components/ack-message';
import { lessonLanguage, pickText } from './lesson-language';
import { useLessons } from './use-lessons';
import { SeriesText } from '../../components/series-text';

/**
 * Pick a lesson and present it. The running step's words are `LessonStepLine`'s, which the dashboard
 * keeps in sight under its header.
 */
export function LessonBar({ onPresent }: { onPresent: () => void }) {
  const id = useId();
  const { lessons, error } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  // A recording played back: its lesson step is shown, but starting or leaving one would act on the live lab.
  const readOnly = useReadOnly();
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { t, i18n } = useTranslation();
  const language = lessonLanguage(i18n.language);
  const selectedId = chosen ?? position?.id ?? lessons[0]?.id ?? '';

  const present = async () => {
    if (!selectedId) return;
    if (position?.id !== selectedId) {
      const ack = await goToLessonStep(selectedId, 1);
      if (!ack.ok) return setMessage(ackMessage(ack.error, t));
    }
    setMessage(null);
    onPresent();
  };
  const leave = async () => {
    const ack = await leaveLesson();
    setMessage(ack.ok ? null : ackMessage(ack.error, t));
  };

  // Read-only (a recording playing), there is nothing to pick: the step line says which step was running.
  if (readOnly) return null;
  return (
    <div className="lesson-bar" role="region" aria-label={t('lessons.region')}>
      <div className="scenario-pick">
        <label htmlFor={id}>{t('lessons.label')}</label>
        <select id={id} value={selectedId} onChange={(e) => setChosen(e.currentTarget.value)} disabled={lessons.length === 0}>
          {lessons.length === 0 ? <option value="">{error ? t('lessons.unavailable') : t('lessons.loading')}</option> : null}
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {pickText(l.title, language)} ({l.steps.length})
            </option>
          ))}
        </select>
        <button type="button" className="btn btn-primary" onClick={() => void present()} disabled={!selectedId}>
          {position?.id === selectedId ? t('lessons.present') : t('lessons.startAndPresent')}
        </button>
        {position ? (
          <button type="button" className="btn btn-quiet" onClick={() => void leave()}>
            {t('lessons.leave')}
          </button>
        ) : null}
      </div>
      {message ? (
        <p className="text-bad small" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * While a lesson runs (on this dashboard or another, or in a recording played back), the step and
 * what to watch, so a class following along reads the same words. The dashboard puts it under its
 * header, in the part that stays at the top while the page scrolls: a step scrolls its panel into
 * view, and the words naming what to watch in it must stay on the screen too.
 */
export function LessonStepLine() {
  const { lessons } = useLessons();
  const position = useLive((s) => s.latest?.lesson ?? null);
  const { t, i18n } = useTranslation();
  const language = lessonLanguage(i18n.language);
  const running = position ? lessons.find((l) => l.id === position.id) : undefined;
  const step = running && position ? running.steps[position.step - 1] : undefined;
  if (!running || !step || !position) return null;
  return (
    <p className="scenario-watch lesson-step-line" aria-live="polite" data-testid="lesson-step">
      <span className="badge badge-good">{t('lessons.step', { step: position.step, count: running.steps.length })}</span>
      <strong>{pickText(step.title, language)}:</strong> <SeriesText text={pickText(step.watch, language)} />
    </p>
  );
}
