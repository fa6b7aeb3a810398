import { useEffect } from 'react';
import type { LessonPanel } from '@poolscope/shared/lesson-schema';
import { updateCoveredAtTop } from './covered-at-top';

const FOCUSED_CLASS = 'panel-focused';
/** How long a focused panel is kept in view while the page above it settles. */
const FOLLOW_MS = 2000;
/** A person scrolling: the panel is no longer followed. */
const PERSON_SCROLLS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

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
    const bringIntoView = (behavior: ScrollBehavior) => {
      // Below what stays at the top, as it is now (its scroll margin reads the measure): the step line
      // saying what to watch came with this step, and the page's observer may not have seen it yet.
      updateCoveredAtTop();
      element.scrollIntoView?.({ block: 'start', behavior });
    };
    bringIntoView(reduced ? 'auto' : 'smooth');
    // Charts and panels whose chunks are still arriving above it (they load after the first numbers)
    // push it down, on a phone by half a screen or more: it is followed for a moment, until the
    // person scrolls for themselves.
    let observed = false; // a ResizeObserver reports once when it starts: that is not a change
    const follow =
      typeof ResizeObserver === 'function'
        ? new ResizeObserver(() => {
            if (observed) bringIntoView('auto');
            observed = true;
          })
        : null;
    const stopFollowing = () => {
      follow?.disconnect();
      for (const type of PERSON_SCROLLS) window.removeEventListener(type, stopFollowing);
    };
    follow?.observe(document.body);
    for (const type of PERSON_SCROLLS) window.addEventListener(type, stopFollowing, { passive: true });
    const settled = setTimeout(stopFollowing, FOLLOW_MS);
    return () => {
      clearTimeout(settled);
      stopFollowing();
      element.classList.remove(FOCUSED_CLASS);
    };
  }, [panel, key]);
}
