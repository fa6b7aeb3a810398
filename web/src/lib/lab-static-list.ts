import { useEffect, useState } from 'react';
import type { Ack, ApiError } from '@poolscope/shared/protocol';
import { useLive } from './use-live';
import { askOnce } from './ask-once';
import { afterNextPaint } from './after-next-paint';

/**
 * A list the lab serves that does not change for its life (its lessons, its scenarios): every
 * component shares one answer, and the components that mount together make one request between them.
 * `whileOffline`: asked for even with the socket closed (a page playing a recording still names the
 * recorded lesson steps); otherwise once the lab is reachable. Asked again whenever the socket comes up
 * while none are in.
 */
export function labStaticList<T>(ask: () => Promise<Ack<T[]>>, { whileOffline }: { whileOffline: boolean }) {
  let shared: T[] | null = null;
  const askShared = askOnce(ask);
  return function useLabStaticList(): { items: T[]; error: ApiError | null } {
    const live = useLive((s) => s.status === 'live');
    const [items, setItems] = useState<T[]>(() => shared ?? []);
    const [error, setError] = useState<ApiError | null>(null);
    useEffect(() => {
      if ((!live && !whileOffline) || items.length > 0) return;
      let cancelled = false;
      // After the page's next paint: on a slowed phone the request's set-up and answer would otherwise
      // land in the task that draws the first live numbers (issue 19).
      const cancelAsk = afterNextPaint(() => {
        void askShared().then((ack) => {
          if (cancelled) return;
          if (ack.ok) {
            shared = ack.data;
            setItems(ack.data);
            setError(null);
          } else setError(ack.error);
        });
      });
      return () => {
        cancelled = true;
        cancelAsk();
      };
    }, [live, items.length]);
    return { items, error };
  };
}
