import { useCallback, useState, type KeyboardEvent } from 'react';

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * One tab stop for a long list of cells: Tab enters the list, arrow keys move within it.
 * Cells carry `data-index`; the hook moves DOM focus itself.
 */
export function useRovingFocus(count: number) {
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, count - 1));
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const move = MOVES[event.key];
      if (!move || count === 0) return;
      event.preventDefault();
      const next = move(current, count);
      setActive(next);
      event.currentTarget.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus();
    },
    [count, current],
  );
  return { active: current, setActive, onKeyDown };
}
