import { useEffect, useState } from 'react';

export type Theme = 'light' | 'dark';
const THEME_KEY = 'poolscope.theme';
const PROJECTOR_KEY = 'poolscope.projector';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light/dark theme and projector mode (bigger type, thicker lines), kept across visits. */
export function useTheme() {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [projector, setProjector] = useState(
    () => localStorage.getItem(PROJECTOR_KEY) === '1' || new URLSearchParams(window.location.search).has('projector'),
  );
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem(THEME_KEY, theme);
  }, [theme]);
  useEffect(() => {
    document.documentElement.toggleAttribute('data-projector', projector);
    localStorage.setItem(PROJECTOR_KEY, projector ? '1' : '0');
  }, [projector]);
  return { theme, setTheme, projector, setProjector };
}
