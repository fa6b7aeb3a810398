import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyScenario } from '../../lib/commands';
import { useLiveStore } from '../../lib/store-context';
import { useLive } from '../../lib/use-live';
import { ackMessage } from '../../components/ack-message';
import { useScenarios } from './use-scenarios';
import { scenarioTitle, scenarioWatch } from '../../i18n/words';
import type { LessonMetric } from '@poolscope/shared/lesson-schema';
import type { ScenarioSummary } from '@poolscope/shared/protocol';
import { lessonMetricUnit, metricLabelKey, readLessonMetric } from '../../lib/lesson-metric';
import { formatMs, formatNumber } from '../../lib/format';
import { SeriesText } from '../../components/series-text';

/** Comparison scenarios (the server marks them `compare`) start arm B beside A when run. */

/** Pick a scenario, read what to watch, run it. The running one stays named with its advice. */
export function ScenarioBar() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const id = useId();
  const { scenarios, error } = useScenarios();
  const activeId = useLive((s) => s.view?.scenarioId ?? null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectedId = chosen ?? activeId ?? scenarios[0]?.id ?? '';
  const selected = scenarios.find((s) => s.id === selectedId);
  const running = selectedId !== '' && selectedId === activeId;
  // The running scenario's words are RunningScenarioLine's, at the top of the dashboard; in a lesson, the step's are.
  const inLesson = useLive((s) => (s.latest?.lesson ?? null) !== null);
  const watchOnTop = running && !inLesson;

  const run = async () => {
    if (!selectedId) return;
    setBusy(true);
    const ack = await applyScenario(selectedId);
    setBusy(false);
    if (ack.ok) {
      liveStore.setConfig(ack.data);
      setMessage(null);
      setChosen(null);
    } else setMessage(ackMessage(ack.error, t));
  };

  return (
    <div className="scenario-bar" role="region" aria-label={t('scenario.region')}>
      <div className="scenario-pick">
        <label htmlFor={id}>{t('scenario.label')}</label>
        <select id={id} value={selectedId} onChange={(e) => setChosen(e.currentTarget.value)} disabled={scenarios.length === 0}>
          {scenarios.length === 0 ? <option value="">{error ? t('scenario.unavailable') : t('scenario.loading')}</option> : null}
          {scenarios
            .filter((s) => !s.compare)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {scenarioTitle(t, s)}
                {s.id === activeId ? t('scenario.runningSuffix') : ''}
              </option>
            ))}
          {scenarios.some((s) => s.compare) ? (
            <optgroup label={t('scenario.comparisons')}>
              {scenarios
                .filter((s) => s.compare)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {scenarioTitle(t, s)}
                    {s.id === activeId ? t('scenario.runningSuffix') : ''}
                  </option>
                ))}
            </optgroup>
          ) : null}
        </select>
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={!selected || busy}>
          {running ? t('scenario.runAgain') : t('scenario.run')}
        </button>
      </div>
      {watchOnTop ? null : <ScenarioWatch scenario={selected} running={running} loadProblem={error ? ackMessage(error, t) : null} />}
      {message ? (
        <p className="text-bad small" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Outside a lesson, the running scenario and what to watch. The dashboard puts it under its header,
 * in the part that stays at the top while the page scrolls: running a scenario scrolls its key panel
 * into view, and the words naming what to watch in it must stay on the screen too.
 */
export function RunningScenarioLine() {
  const { scenarios } = useScenarios();
  const activeId = useLive((s) => s.view?.scenarioId ?? null);
  const inLesson = useLive((s) => (s.latest?.lesson ?? null) !== null);
  const running = activeId === null ? undefined : scenarios.find((s) => s.id === activeId);
  if (!running || inLesson) return null;
  return <ScenarioWatch scenario={running} running className="scenario-running-line" testId="scenario-running-watch" />;
}

/** A scenario's advice: what to watch, and, while it runs, the number it names. */
function ScenarioWatch({
  scenario,
  running,
  loadProblem = null,
  className = '',
  testId = 'scenario-watch',
}: {
  scenario: ScenarioSummary | undefined;
  running: boolean;
  loadProblem?: string | null;
  className?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <p className={`scenario-watch ${className}`.trim()} aria-live="polite">
      {scenario ? (
        <>
          <span className={`badge ${running ? 'badge-good' : 'badge-neutral'}`}>
            {running ? t('scenario.running') : t('scenario.preview')}
          </span>
          <strong>{t('scenario.watch')}</strong>{' '}
          <span data-testid={testId}>
            <SeriesText text={scenarioWatch(t, scenario)} />
          </span>
          {running ? <WatchedMetric metric={scenario.focus.metric} /> : null}
        </>
      ) : (
        <span className="muted">{loadProblem ? t('scenario.loadError', { error: loadProblem }) : t('scenario.loadWhenConnected')}</span>
      )}
    </p>
  );
}

/** The number "what to watch" names, live beside the text, so nobody hunts for it. */
function WatchedMetric({ metric }: { metric: LessonMetric }) {
  const { t } = useTranslation();
  const value = useLive((s) => readLessonMetric(s.view, metric));
  const unit = lessonMetricUnit(metric);
  return (
    <span className="watched-metric" data-testid="scenario-metric" data-metric={metric}>
      {t(metricLabelKey(metric))}: <strong>{unit === 'ms' ? formatMs(value) : `${formatNumber(value)}${unit === '/s' ? '/s' : ''}`}</strong>
    </span>
  );
}
