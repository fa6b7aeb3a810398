/** The languages the dashboard ships, in the order the switcher lists them. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_KEY = 'poolscope.language';

/** Each language named in its own script, so a reader finds theirs whatever is showing. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * One browser language tag to ours: any Chinese tag (zh, zh-CN, zh-Hans, zh-TW…) reads the
 * Simplified resources — closer to a Chinese reader than English — and any English tag reads `en`.
 */
export function languageOf(tag: string): Language | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0];
  if (primary === 'zh') return 'zh-CN';
  if (primary === 'en') return 'en';
  return null;
}

/** A saved choice wins; else the first browser language we ship, in the browser's order; else English. */
export function detectLanguage(saved: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(saved)) return saved;
  for (const tag of browserLanguages) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
}
