import type { ApiError, ScenarioSummary } from '@poolscope/shared/protocol';
import { fetchScenarios } from '../../lib/commands';
import { labStaticList } from '../../lib/lab-static-list';

const useScenarioList = labStaticList<ScenarioSummary>(fetchScenarios, { whileOffline: false });

/** The server's scenario list, fetched once the lab is reachable (once for all the components that want it). */
export function useScenarios(): { scenarios: ScenarioSummary[]; error: ApiError | null } {
  const { items, error } = useScenarioList();
  return { scenarios: items, error };
}
