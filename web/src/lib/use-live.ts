import { useCallback, useContext, useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import { LowPriorityContext } from './low-priority';
import type { HasNews } from './chart-turns';
import type { LiveStore } from './live-store';
import { useLiveStore } from './store-context';

/**
 * Read one value from the live store; the component re-renders only when that value changes,
 * so selectors should return primitives or objects the store replaces (snapshot parts). Under a
 * LowPriorityContext, it hears of changes a frame after the headline does.
 */
export function useLive<T>(select: (store: LiveStore) => T): T {
  const liveStore = useLiveStore();
  const lowPriority = useContext(LowPriorityContext);
  return useSyncExternalStore(lowPriority ? liveStore.subscribeLowPriority : liveStore.subscribe, () => select(liveStore));
}

/**
 * A number that changes only on this chart's turn (one chart per tick, in turn). A chart
 * scrolled out of view leaves the rotation, so the visible ones refresh more often and
 * hidden ones cost nothing; it refreshes at once when it comes back into view.
 */
export function useChartFrame(id: string, ref?: RefObject<Element | null>, hasNews?: HasNews): number {
  // The store asks through a ref, so a new predicate each render does not re-register the chart.
  const liveStore = useLiveStore();
  const hasNewsRef = useRef(hasNews);
  useEffect(() => {
    hasNewsRef.current = hasNews;
  });
  useEffect(() => {
    const element = ref?.current;
    const register = () => liveStore.charts.register(id, (now) => hasNewsRef.current?.(now) ?? true);
    if (!element || typeof IntersectionObserver === 'undefined') return register();
    let unregister: (() => void) | null = null;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting && !unregister) unregister = register();
      if (!entry?.isIntersecting && unregister) {
        unregister();
        unregister = null;
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      unregister?.();
    };
  }, [liveStore, id, ref]);
  const subscribe = useCallback((listener: () => void) => liveStore.charts.subscribe(id, listener), [liveStore, id]);
  return useSyncExternalStore(subscribe, () => liveStore.charts.version(id));
}
