import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { KNOB_TEXTS_EN } from './knob-texts-en';
import { detectLanguage, LANGUAGE_KEY, type Language } from './language';

const IN_TESTS = import.meta.env.MODE === 'test';

function savedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * English is bundled; Simplified Chinese (~20 kB on the wire) is its own chunk, fetched the first
 * time it is needed, so an English reader's phone does not download it. i18next asks this backend
 * before switching and switches only once the texts are in, so the page never shows missing keys.
 */
export const languagesOnDemand: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    if (language !== 'zh-CN') return callback(new Error(`no texts for language "${language}"`), false);
    import('./zh-CN').then(
      ({ zhCN }) => callback(null, zhCN as unknown as ResourceKey),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/**
 * English texts are there at once; another language is read before i18next switches to it. In
 * tests a key missing from the language in use throws instead of quietly showing English: there is
 * no fallback language, and the missing-key handler fails.
 */
const initialised = i18next
  .use(languagesOnDemand)
  .use(initReactI18next)
  .init({
    // The knob texts as generated from the shared schemas (knob-texts.test.ts keeps them equal):
    // the schema library stays off the audience page's first load.
    resources: { en: { translation: { ...en, knobs: KNOB_TEXTS_EN } } },
    partialBundledLanguages: true,
    lng: detectLanguage(savedLanguage(), typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])),
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

/**
 * Settles once the first language's texts are in: at once for English, after its chunk for Chinese.
 * The app renders after it, so a Chinese browser's first paint is Chinese, not a flash of English.
 */
export const i18nReady: Promise<void> = initialised.then(
  () => undefined,
  () => undefined, // texts that fail to load leave English showing (fallbackLng), never a blank page
);

function reflect(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}
reflect(i18next.language);
i18next.on('languageChanged', reflect);

/** Switch the dashboard's language (once its texts are in) and remember the choice for the next visit. */
export function chooseLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    /* private mode: this visit only */
  }
  void i18next.changeLanguage(language);
}

export { i18next as i18n };
