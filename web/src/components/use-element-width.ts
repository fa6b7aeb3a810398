import { useLayoutEffect, useState, type RefObject } from 'react';

/** Where there is no layout (jsdom), charts draw at this width. */
const FALLBACK_WIDTH_PX = 600;

/** An element's content width in whole pixels, kept current with a ResizeObserver. */
export function useElementWidth(ref: RefObject<Element | null>): number {
  const [width, setWidth] = useState(FALLBACK_WIDTH_PX);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const measure = (px: number) => {
      if (px > 0) setWidth(Math.round(px));
    };
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver(([entry]) => measure(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
