// Runs before every web test file (vite.config.ts `test.setupFiles`).
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import { i18n } from '../i18n/i18n';

// Tests read English unless one asks for another language; each starts in English again.
void i18n.changeLanguage('en');
// Every rendered tree is unmounted after its test, so no test sees another's DOM.
afterEach(() => {
  cleanup();
  if (i18n.language !== 'en') void i18n.changeLanguage('en');
});
