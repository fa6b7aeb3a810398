import { useLive } from '../../lib/use-live';
import { useScenarios } from './use-scenarios';

const RUNNING = 'Scenario';
const COMPARING = 'Comparing two pools (A and B)';

/** The scenario (and comparison) the presenter runs, as a line of text: the audience cannot pick one. */
export function AudienceScenario() {
  const { scenarios } = useScenarios();
  const scenarioId = useLive((s) => s.view?.scenarioId ?? null);
  const comparing = useLive((s) => s.view?.compare !== null && s.view?.compare !== undefined);
  const scenario = scenarios.find((s) => s.id === scenarioId);
  if (!scenarioId && !comparing) return null;
  return (
    <section className="audience-scenario" aria-live="polite" data-testid="audience-scenario">
      {scenarioId ? <p><strong>{RUNNING}: {scenario?.title ?? scenarioId}</strong>{scenario ? <> — {scenario.watch}</> : null}</p> : null}
      {comparing ? <p>{COMPARING}</p> : null}
    </section>
  );
}
