import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lesson, LessonPanel, LessonPosition } from '@poolscope/shared/lesson-schema';
import { goToLessonStep } from '../../lib/commands';
import { formatMs, formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { ackMessage } from '../../components/ack-message';
import { lessonLanguage, pickText } from './lesson-language';
import { lessonMetricUnit, metricLabelKey, readLessonMetric } from '../../lib/lesson-metric';
import { knobName } from '../../i18n/marker-words';
import { PresenterCompare } from './presenter-compare';
import { KEY_HELP, presenterAction, stepAfter } from './presenter-keys';
import { openSpeakerNotes } from './speaker-notes-window';
import { SeriesText } from '../../components/series-text';

interface PresenterOverlayProps {
  lesson: Lesson;
  position: LessonPosition;
  /** The app draws the focused panel; a feature never imports another feature. */
  renderPanel: (panel: LessonPanel) => ReactNode;
  onExit: () => void;
}

/**
 * One step at projector size: the step's text, the focused metric big, and only the panel the
 * class should look at. Keys as in reveal.js; buttons for mouse and touch.
 */
export function PresenterOverlay({ lesson, position, renderPanel, onExit }: PresenterOverlayProps) {
  const [blank, setBlank] = useState(false);
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { t, i18n } = useTranslation();
  const language = lessonLanguage(i18n.language);
  const count = lesson.steps.length;
  const step = lesson.steps[position.step - 1];

  const go = useCallback(
    async (target: number) => {
      if (target === position.step) return;
      const ack = await goToLessonStep(lesson.id, target);
      setMessage(ack.ok ? null : ackMessage(ack.error, t));
    },
    [lesson.id, position.step, t],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (blank) {
        event.preventDefault();
        setBlank(false);
        return;
      }
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'exit') {
        if (help) setHelp(false);
        else onExit();
        return;
      }
      if (action === 'help') return setHelp((shown) => !shown);
      if (action === 'blank') return setBlank(true);
      if (action === 'notes') return openSpeakerNotes();
      void go(stepAfter(action, position.step, count));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blank, help, go, onExit, position.step, count]);

  if (!step) return null;
  return (
    <div className="presenter" role="region" aria-label={t('lessons.presenter')} data-testid="presenter">
      <header className="presenter-head">
        <p className="presenter-lesson">{pickText(lesson.title, language)}</p>
        <p className="presenter-count" data-testid="presenter-step">
          {t('lessons.step', { step: position.step, count })}
        </p>
        <nav className="presenter-nav" aria-label={t('lessons.steps')}>
          <button
            type="button"
            className="btn"
            onClick={() => void go(stepAfter('previous', position.step, count))}
            disabled={position.step === 1}
          >
            {t('lessons.back')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void go(stepAfter('next', position.step, count))}
            disabled={position.step === count}
          >
            {t('lessons.next')}
          </button>
          <button type="button" className="btn btn-quiet" onClick={openSpeakerNotes}>
            {t('lessons.notes')}
          </button>
          <button type="button" className="btn btn-quiet" onClick={() => setHelp(true)} aria-label={t('lessons.keys')}>
            ?
          </button>
          <button type="button" className="btn btn-quiet" onClick={onExit}>
            {t('lessons.exit')}
          </button>
        </nav>
      </header>
      <div className="presenter-body">
        <section className="presenter-text" aria-live="polite">
          <h2 data-testid="presenter-title">{pickText(step.title, language)}</h2>
          <p className="presenter-watch">
            <SeriesText text={pickText(step.watch, language)} />
          </p>
          <FocusedMetric metric={step.focus.metric} />
          {step.compare ? <PresenterCompare step={step} /> : null}
          {step.knob ? (
            <p className="presenter-knob">
              {t('lessons.move')} <strong>{knobName(t, step.knob)}</strong>
            </p>
          ) : null}
          {message ? (
            <p className="text-bad" role="alert">
              {message}
            </p>
          ) : null}
        </section>
        <div className="presenter-panel" data-focus-panel={step.focus.panel}>
          {renderPanel(step.focus.panel)}
        </div>
      </div>
      {help ? <KeyHelp onClose={() => setHelp(false)} /> : null}
      {blank ? <button type="button" className="presenter-blank" aria-label={t('lessons.blank')} onClick={() => setBlank(false)} /> : null}
    </div>
  );
}

function FocusedMetric({ metric }: { metric: Parameters<typeof readLessonMetric>[1] }) {
  const { t } = useTranslation();
  const value = useLive((s) => readLessonMetric(s.view, metric));
  const unit = lessonMetricUnit(metric);
  return (
    <div className="presenter-metric" data-testid="presenter-metric" data-metric={metric}>
      <span className="presenter-metric-value">{unit === 'ms' ? formatMs(value) : formatNumber(value)}</span>
      {unit === 'ms' ? null : <span className="presenter-metric-unit">{unit}</span>}
      <span className="presenter-metric-label">{t(metricLabelKey(metric))}</span>
    </div>
  );
}

function KeyHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="presenter-help" role="dialog" aria-modal="true" aria-label={t('lessons.keys')}>
      <dl>
        {KEY_HELP.map((entry) => (
          <div key={entry.keys}>
            <dt>{entry.keys}</dt>
            <dd>{t(entry.actionKey)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" className="btn" onClick={onClose} autoFocus>
        {t('lessons.close')}
      </button>
    </div>
  );
}
