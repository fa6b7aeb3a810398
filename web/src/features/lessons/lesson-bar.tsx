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
 * Pick a lesson and present it. While a lesson runs (on this dashboard or another), every
 * dashboard shows its step and what to watch here, so a class following along reads the same words.
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
  const running = position ? lessons.find((l) => l.id === position.id) : undefined;
  const step = running && position ? running.steps[position.step - 1] : undefined;

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

  // Read-only (a recording playing), the bar only says which step was running: with none, no empty box.
  const showsStep = Boolean(running && step && position);
  if (readOnly && !showsStep && !message) return null;
  return (
    <div className="lesson-bar" role="region" aria-label={t('lessons.region')}>
      {readOnly ? null : (
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
      )}
      {running && step && position ? (
        <p className="scenario-watch" aria-live="polite" data-testid="lesson-step">
          <span className="badge badge-good">{t('lessons.step', { step: position.step, count: running.steps.length })}</span>
          <strong>{pickText(step.title, language)}:</strong> <SeriesText text={pickText(step.watch, language)} />
        </p>
      ) : null}
      {message ? (
        <p className="text-bad small" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
