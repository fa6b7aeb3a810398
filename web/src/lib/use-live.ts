import { useCallback, useEffect, useSyncExternalStore, type RefObject } from 'react';
import { liveStore, type LiveStore } from './live-store';

/**
 * Read one value from the live store; the component re-renders only when that value changes,
 * so selectors should return primitives or objects the store replaces (snapshot parts).
 */
export function useLive<T>(select: (store: LiveStore) => T): T {
  return useSyncExternalStore(liveStore.subscribe, () => select(liveStore));
}

/**
 * A number that changes only on this chart's turn (one chart per tick, in turn). A chart
 * scrolled out of view leaves the rotation, so the visible ones refresh more often and
 * hidden ones cost nothing; it refreshes at once when it comes back into view.
 */
export function useChartFrame(id: string, ref?: RefObject<Element | null>): number {
  useEffect(() => {
    const element = ref?.current;
    if (!element || typeof IntersectionObserver === 'undefined') return liveStore.registerChart(id);
    let unregister: (() => void) | null = null;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && !unregister) unregister = liveStore.registerChart(id);
      if (!entry?.isIntersecting && unregister) { unregister(); unregister = null; }
    });
    observer.observe(element);
    return () => { observer.disconnect(); unregister?.(); };
  }, [id, ref]);
  const subscribe = useCallback((listener: () => void) => liveStore.subscribeChart(id, listener), [id]);
  return useSyncExternalStore(subscribe, () => liveStore.chartVersion(id));
}
