import { useEffect } from 'react';
import type { LessonPanel } from '@poolscope/shared/lesson-schema';

const FOCUSED_CLASS = 'panel-focused';

/**
 * Bring the panel a step is about into view and mark it, so nobody hunts for the number the
 * text names. Panels are found by their element id (the lesson schema lists them).
 */
export function useFocusPanel(panel: LessonPanel | null, key: string | null): void {
  useEffect(() => {
    if (!panel || !key) return;
    const element = document.getElementById(panel);
    if (!element) return;
    for (const other of document.querySelectorAll(`.${FOCUSED_CLASS}`)) other.classList.remove(FOCUSED_CLASS);
    element.classList.add(FOCUSED_CLASS);
    const reduced = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView?.({ block: 'start', behavior: reduced ? 'auto' : 'smooth' });
    return () => element.classList.remove(FOCUSED_CLASS);
  }, [panel, key]);
}
