import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { liveStore, type LiveStore } from './live-store';

/**
 * Read one value from the live store; the component re-renders only when that value changes,
 * so selectors should return primitives or objects the store replaces (snapshot parts).
 */
export function useLive<T>(select: (store: LiveStore) => T): T {
  return useSyncExternalStore(liveStore.subscribe, () => select(liveStore));
}

/** A number that changes only on this chart's turn (one chart per tick, in turn). */
export function useChartFrame(id: string): number {
  useEffect(() => liveStore.registerChart(id), [id]);
  const subscribe = useCallback((listener: () => void) => liveStore.subscribeChart(id, listener), [id]);
  return useSyncExternalStore(subscribe, () => liveStore.chartVersion(id));
}
