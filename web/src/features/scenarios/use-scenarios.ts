import { useEffect, useState } from 'react';
import type { ApiError, ScenarioSummary } from '@poolscope/shared/protocol';
import { fetchScenarios } from '../../lib/commands';
import { useLive } from '../../lib/use-live';

/** The server's scenario list, fetched once the lab is reachable. */
export function useScenarios(): { scenarios: ScenarioSummary[]; error: ApiError | null } {
  const live = useLive((s) => s.status === 'live');
  const [scenarios, setScenarios] = useState<ScenarioSummary[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (!live || scenarios.length > 0) return;
    let cancelled = false;
    void fetchScenarios().then((ack) => {
      if (cancelled) return;
      if (ack.ok) {
        setScenarios(ack.data);
        setError(null);
      } else setError(ack.error);
    });
    return () => {
      cancelled = true;
    };
  }, [live, scenarios.length]);
  return { scenarios, error };
}
