import { useSyncExternalStore } from 'react';
import type { CompareStore } from './compare-store';
import { useCompareStore } from './store-context';

/** Read one value from the compare store; re-renders only when that value changes (as useLive). */
export function useCompare<T>(select: (store: CompareStore) => T): T {
  const compareStore = useCompareStore();
  return useSyncExternalStore(compareStore.subscribe, () => select(compareStore));
}
