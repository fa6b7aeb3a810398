import { useEffect, useState } from 'react';
import type { Lesson } from '@poolscope/shared/lesson-schema';
import { fetchLessons } from '../../lib/commands';
import { useLive } from '../../lib/use-live';
import { askOnce } from '../../lib/ask-once';
import { afterNextPaint } from '../../lib/after-next-paint';

/** Lessons are static for the life of a lab, so every component shares one answer. */
let shared: Lesson[] | null = null;
/** The components that mount together (the dashboard and its lesson bar) make one request between them. */
const askShared = askOnce(fetchLessons);

/**
 * The server's lessons (static data), asked for at once and again whenever the socket comes up while
 * none are in: a page playing a recording keeps its socket closed, and its lesson steps still need
 * the lessons' texts from the lab that serves it.
 */
export function useLessons(): { lessons: Lesson[]; error: string | null } {
  const live = useLive((s) => s.status === 'live');
  const [lessons, setLessons] = useState<Lesson[]>(() => shared ?? []);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (lessons.length > 0) return;
    let cancelled = false;
    // After the page's next paint: on a slowed phone the request's set-up and answer would otherwise
    // land in the task that draws the first live numbers (issue 19).
    const cancelAsk = afterNextPaint(() => {
      void askShared().then((ack) => {
        if (cancelled) return;
        if (ack.ok) {
          shared = ack.data;
          setLessons(ack.data);
          setError(null);
        } else setError(ack.error.message);
      });
    });
    return () => {
      cancelled = true;
      cancelAsk();
    };
  }, [live, lessons.length]);
  return { lessons, error };
}
