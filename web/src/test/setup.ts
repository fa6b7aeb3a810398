import { afterEach } from 'vitest';
import { i18n } from '../i18n/i18n';

// Tests read English unless one asks for another language; each starts in English again.
void i18n.changeLanguage('en');
afterEach(() => { if (i18n.language !== 'en') void i18n.changeLanguage('en'); });
