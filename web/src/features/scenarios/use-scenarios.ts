import { useEffect, useState } from 'react';
import type { ApiError, ScenarioSummary } from '@poolscope/shared/protocol';
import { fetchScenarios } from '../../lib/commands';
import { useLive } from '../../lib/use-live';
import { askOnce } from '../../lib/ask-once';
import { afterNextPaint } from '../../lib/after-next-paint';

/** Scenarios are static for the life of a lab, so every component shares one answer. */
let shared: ScenarioSummary[] | null = null;
/** The components that mount together (the dashboard, its scenario bar and running line) make one request between them. */
const askShared = askOnce(fetchScenarios);

/** The server's scenario list, fetched once the lab is reachable (once for all the components that want it). */
export function useScenarios(): { scenarios: ScenarioSummary[]; error: ApiError | null } {
  const live = useLive((s) => s.status === 'live');
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>(() => shared ?? []);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!live || scenarios.length > 0) return;
    let cancelled = false;
    // After the page's next paint: on a slowed phone the request's set-up and answer would otherwise
    // land in the task that draws the first live numbers (issue 19).
    const cancelAsk = afterNextPaint(() => {
      void askShared().then((ack) => {
        if (cancelled) return;
        if (ack.ok) {
          shared = ack.data;
          setScenarios(ack.data);
          setError(null);
        } else setError(ack.error);
      });
    });
    return () => {
      cancelled = true;
      cancelAsk();
    };
  }, [live, scenarios.length]);
  return { scenarios, error };
}
