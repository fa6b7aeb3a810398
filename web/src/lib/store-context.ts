import { createContext, useContext } from 'react';
import { createCompareStore, type CompareStore } from './compare-store';
import { createLiveStore, type LiveStore, type LowPriorityTiming } from './live-store';

/** What a dashboard reads: the live store (everything, arm A) and arm B of a comparison. */
export interface DashboardStores {
  live: LiveStore;
  compare: CompareStore;
}

/**
 * A pair of its own: the app makes one at its root (connect-early.ts, low-priority panels after the
 * paint), each test its own (test-support/render-with-stores.tsx, every panel at once).
 */
export function createDashboardStores(lowPriorityTiming: LowPriorityTiming = 'now'): DashboardStores {
  return { live: createLiveStore(lowPriorityTiming), compare: createCompareStore() };
}

// No default pair: a component rendered outside a provider fails at once, where a module-wide
// default would let two tests (or two trees) share one store without anyone noticing.
const StoresContext = createContext<DashboardStores | null>(null);

export const StoresProvider = StoresContext.Provider;

export function useStores(): DashboardStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('no StoresProvider above this component: the app provides one in main.tsx, a test with renderWithStores()');
  return stores;
}

export function useLiveStore(): LiveStore {
  return useStores().live;
}

export function useCompareStore(): CompareStore {
  return useStores().compare;
}
