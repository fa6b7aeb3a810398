import { useId, useState } from 'react';
import { applyScenario } from '../../lib/commands';
import { liveStore } from '../../lib/live-store';
import { useLive } from '../../lib/use-live';
import { ackMessage } from '../../components/ack-message';
import { useScenarios } from './use-scenarios';

/** Comparison scenarios (the server marks them `compare`) start arm B beside A when run. */
const COMPARISONS_GROUP = 'Comparisons (A vs B)';

/** Pick a scenario, read what to watch, run it. The running one stays named with its advice. */
export function ScenarioBar() {
  const id = useId();
  const { scenarios, error } = useScenarios();
  const activeId = useLive((s) => s.view?.scenarioId ?? null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectedId = chosen ?? activeId ?? scenarios[0]?.id ?? '';
  const selected = scenarios.find((s) => s.id === selectedId);
  const running = selectedId !== '' && selectedId === activeId;

  const run = async () => {
    if (!selectedId) return;
    setBusy(true);
    const ack = await applyScenario(selectedId);
    setBusy(false);
    if (ack.ok) { liveStore.setConfig(ack.data); setMessage(null); setChosen(null); } else setMessage(ackMessage(ack.error));
  };

  return (
    <div className="scenario-bar" role="region" aria-label="Scenario">
      <div className="scenario-pick">
        <label htmlFor={id}>Scenario</label>
        <select id={id} value={selectedId} onChange={(e) => setChosen(e.currentTarget.value)} disabled={scenarios.length === 0}>
          {scenarios.length === 0 ? <option value="">{error ? 'unavailable' : 'loading…'}</option> : null}
          {scenarios.filter((s) => !s.compare).map((s) => <option key={s.id} value={s.id}>{s.title}{s.id === activeId ? ' (running)' : ''}</option>)}
          {scenarios.some((s) => s.compare) ? (
            <optgroup label={COMPARISONS_GROUP}>
              {scenarios.filter((s) => s.compare).map((s) => <option key={s.id} value={s.id}>{s.title}{s.id === activeId ? ' (running)' : ''}</option>)}
            </optgroup>
          ) : null}
        </select>
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={!selected || busy}>
          {running ? 'Run again' : 'Run scenario'}
        </button>
      </div>
      <p className="scenario-watch" aria-live="polite">
        {selected ? (
          <>
            <span className={`badge ${running ? 'badge-good' : 'badge-neutral'}`}>{running ? 'Running' : 'Preview'}</span>
            <strong>What to watch:</strong> <span data-testid="scenario-watch">{selected.watch}</span>
          </>
        ) : <span className="muted">{error ? `Scenarios unavailable: ${error}` : 'Scenarios load when the lab is connected.'}</span>}
      </p>
      {message ? <p className="text-bad small" role="alert">{message}</p> : null}
    </div>
  );
}
