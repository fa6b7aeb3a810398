import { useEffect } from 'react';
import { whenIdle } from './when-idle';

/** What stays at the top of the dashboard while it scrolls (app.css): the header with a lesson's step line, or a recording's bar with it. */
const STICKY_AT_TOP = '.sticky-top, .replay-top';
/** The CSS variable a panel's scroll-margin-top reads (app.css), so any scroll to a panel (a lesson step, a link, the keyboard) lands below them. */
const COVERED_AT_TOP_VAR = '--covered-at-top';

/** The height the sticky parts cover at the top of the screen (they stack at top 0; none on a phone, where they stay in the flow). */
export function coveredAtTopPx(): number {
  let covered = 0;
  for (const element of document.querySelectorAll<HTMLElement>(STICKY_AT_TOP)) {
    if (getComputedStyle(element).position === 'sticky') covered = Math.max(covered, element.getBoundingClientRect().height);
  }
  return covered;
}

/**
 * Measures what covers the top now and writes it where the panels' scroll margin reads it. Written only
 * when it changed: a custom property on the root restyles the whole page.
 */
export function updateCoveredAtTop(): void {
  const root = document.documentElement;
  const value = `${Math.round(coveredAtTopPx())}px`;
  if (root.style.getPropertyValue(COVERED_AT_TOP_VAR) !== value) root.style.setProperty(COVERED_AT_TOP_VAR, value);
}

/**
 * Keeps the measure true while the page's layout changes: a step line comes or goes (the page's height
 * changes with it: the sticky parts are in its flow), the window narrows and the bars wrap or stop
 * sticking. Started when the browser is idle, not in the first render's task: measuring forces a
 * layout there, and writing the root's variable restyles the whole page before its first paint (the
 * dashboard's first live number came ~0.2 s later at 4×, A-B). A lesson step measures for itself
 * before it scrolls (use-focus-panel.ts).
 */
export function useCoveredAtTop(): void {
  useEffect(() => {
    let observer: ResizeObserver | null = null;
    let stopped = false;
    whenIdle(() => {
      if (stopped) return;
      updateCoveredAtTop();
      if (typeof ResizeObserver !== 'function') return;
      observer = new ResizeObserver(updateCoveredAtTop);
      observer.observe(document.body);
    });
    return () => {
      stopped = true;
      observer?.disconnect();
      document.documentElement.style.removeProperty(COVERED_AT_TOP_VAR);
    };
  }, []);
}
