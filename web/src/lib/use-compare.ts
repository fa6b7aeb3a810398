import { useSyncExternalStore } from 'react';
import { compareStore, type CompareStore } from './compare-store';

/** Read one value from the compare store; re-renders only when that value changes (as useLive). */
export function useCompare<T>(select: (store: CompareStore) => T): T {
  return useSyncExternalStore(compareStore.subscribe, () => select(compareStore));
}
