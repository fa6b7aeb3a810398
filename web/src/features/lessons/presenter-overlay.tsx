import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Lesson, LessonPanel, LessonPosition } from '@poolscope/shared/lesson-schema';
import { goToLessonStep } from '../../lib/commands';
import { formatMs, formatNumber } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { ackMessage } from '../../components/ack-message';
import { lessonLanguage, pickText } from './lesson-language';
import { lessonMetricUnit, readLessonMetric } from './lesson-metric';
import { knobLabel, METRIC_LABELS } from './metric-labels';
import { KEY_HELP, presenterAction, stepAfter } from './presenter-keys';
import { openSpeakerNotes } from './speaker-notes-window';

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
  const language = lessonLanguage(document.documentElement.lang || navigator.language);
  const count = lesson.steps.length;
  const step = lesson.steps[position.step - 1];

  const go = useCallback(async (target: number) => {
    if (target === position.step) return;
    const ack = await goToLessonStep(lesson.id, target);
    setMessage(ack.ok ? null : ackMessage(ack.error));
  }, [lesson.id, position.step]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (blank) { event.preventDefault(); setBlank(false); return; }
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'exit') { if (help) setHelp(false); else onExit(); return; }
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
    <div className="presenter" role="region" aria-label="Presenter view" data-testid="presenter">
      <header className="presenter-head">
        <p className="presenter-lesson">{pickText(lesson.title, language)}</p>
        <p className="presenter-count" data-testid="presenter-step">Step {position.step}/{count}</p>
        <nav className="presenter-nav" aria-label="Lesson steps">
          <button type="button" className="btn" onClick={() => void go(stepAfter('previous', position.step, count))} disabled={position.step === 1}>← Back</button>
          <button type="button" className="btn btn-primary" onClick={() => void go(stepAfter('next', position.step, count))} disabled={position.step === count}>Next →</button>
          <button type="button" className="btn btn-quiet" onClick={openSpeakerNotes}>Notes</button>
          <button type="button" className="btn btn-quiet" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts">?</button>
          <button type="button" className="btn btn-quiet" onClick={onExit}>Exit</button>
        </nav>
      </header>
      <div className="presenter-body">
        <section className="presenter-text" aria-live="polite">
          <h2 data-testid="presenter-title">{pickText(step.title, language)}</h2>
          <p className="presenter-watch">{pickText(step.watch, language)}</p>
          <FocusedMetric metric={step.focus.metric} />
          {step.knob ? <p className="presenter-knob">Move: <strong>{knobLabel(step.knob)}</strong></p> : null}
          {message ? <p className="text-bad" role="alert">{message}</p> : null}
        </section>
        <div className="presenter-panel" data-focus-panel={step.focus.panel}>{renderPanel(step.focus.panel)}</div>
      </div>
      {help ? <KeyHelp onClose={() => setHelp(false)} /> : null}
      {blank ? <button type="button" className="presenter-blank" aria-label="Blank screen: press any key or click to return" onClick={() => setBlank(false)} /> : null}
    </div>
  );
}

function FocusedMetric({ metric }: { metric: Parameters<typeof readLessonMetric>[1] }) {
  const value = useLive((s) => readLessonMetric(s.view, metric));
  const unit = lessonMetricUnit(metric);
  return (
    <div className="presenter-metric" data-testid="presenter-metric" data-metric={metric}>
      <span className="presenter-metric-value">{unit === 'ms' ? formatMs(value) : formatNumber(value)}</span>
      {unit === 'ms' ? null : <span className="presenter-metric-unit">{unit}</span>}
      <span className="presenter-metric-label">{METRIC_LABELS[metric]}</span>
    </div>
  );
}

function KeyHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="presenter-help" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts">
      <dl>
        {KEY_HELP.map((entry) => <div key={entry.keys}><dt>{entry.keys}</dt><dd>{entry.action}</dd></div>)}
      </dl>
      <button type="button" className="btn" onClick={onClose} autoFocus>Close</button>
    </div>
  );
}
