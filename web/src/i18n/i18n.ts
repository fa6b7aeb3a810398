import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';
import { schemaKnobTexts } from './knob-texts';
import { detectLanguage, LANGUAGE_KEY, type Language } from './language';

const IN_TESTS = import.meta.env.MODE === 'test';

function savedLanguage(): string | null {
  try { return localStorage.getItem(LANGUAGE_KEY); } catch { return null; }
}

/**
 * Initialised synchronously with bundled resources (initAsync: false), so the first render is
 * already in the right language. In tests a key missing from the language in use throws instead
 * of quietly showing English: there is no fallback language, and the missing-key handler fails.
 */
void i18next.use(initReactI18next).init({
  resources: { en: { translation: { ...en, knobs: schemaKnobTexts() } }, 'zh-CN': { translation: zhCN } },
  lng: detectLanguage(savedLanguage(), typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]),
  fallbackLng: IN_TESTS ? false : 'en',
  supportedLngs: ['en', 'zh-CN'],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  saveMissing: IN_TESTS,
  // A key asked for with a fallback text (a knob or scenario the build does not know) is not an error.
  missingKeyHandler: (lngs, _ns, key, fallbackValue) => {
    if (fallbackValue === key) throw new Error(`i18n: missing key "${key}" for ${lngs.join(', ')}`);
  },
  react: { useSuspense: false },
});

function reflect(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflect(i18next.language);
i18next.on('languageChanged', reflect);

/** Switch the dashboard's language and remember the choice for the next visit. */
export function chooseLanguage(language: Language): void {
  try { localStorage.setItem(LANGUAGE_KEY, language); } catch { /* private mode: this visit only */ }
  void i18next.changeLanguage(language);
}

export { i18next as i18n };
