import { useEffect } from 'react';
import { useLive } from './use-live';
import { useLiveStore } from './store-context';
import { afterNextPaint } from './after-next-paint';

/**
 * For a view (dashboard, audience page, presenter): once it has committed with a live snapshot,
 * marks the store after the next paint, so what waits on `useNumbersShown` (chart and panel
 * chunks) is fetched and run only when the first numbers are on the screen (issue 19: a phone's
 * first seconds go to the numbers).
 */
export function useMarkNumbersShown(): void {
  const liveStore = useLiveStore();
  const started = useLive((s) => s.latest !== null);
  useEffect(() => {
    if (!started || liveStore.numbersShown) return;
    return afterNextPaint(() => liveStore.markNumbersShown());
  }, [started, liveStore]);
}

/** True once the page's first live numbers are painted: the gate for chart and panel chunks. */
export function useNumbersShown(): boolean {
  return useLive((s) => s.numbersShown);
}
