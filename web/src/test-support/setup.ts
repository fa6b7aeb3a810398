// Runs before every web test file (vite.config.ts `test.setupFiles`).
import { afterEach, beforeAll } from 'vitest';
import { cleanup } from '@testing-library/react';
import { i18n } from '../i18n/i18n';
import { preloadAllParts } from '../lib/lazy-part';

// jsdom has no layout; the charts only need the observer to exist.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;
// Tests read English unless one asks for another language; each starts in English again.
void i18n.changeLanguage('en');
// The parts fetched on demand in the browser (views, dialogs, charts) and the Chinese texts are in
// before a test renders: tests assert what they show; i18n.test.ts, the e2e specs and the
// first-load budget cover when they arrive.
beforeAll(async () => {
  await Promise.all([preloadAllParts(), i18n.loadLanguages('zh-CN')]);
}, 60_000);
// Every rendered tree is unmounted after its test, so no test sees another's DOM.
afterEach(() => {
  cleanup();
  if (i18n.language !== 'en') void i18n.changeLanguage('en');
});
