import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSE_REASONS, CONNECTION_STATES, ERROR_CODES, REQUEST_OUTCOMES, TARGET_STATES } from '@poolscope/shared/vocabulary';
import { HEALTH_CHECK_METHODS } from '@poolscope/shared/pool-config';
import { SUMMARY_METRICS } from '@poolscope/shared/compare';
import { en } from './en';
import { zhCN } from './zh-CN';
import i18next from 'i18next';
import { i18n, languagesOnDemand } from './i18n';
import { schemaKnobTexts } from './knob-texts';
import { detectLanguage } from './language';
import { scenarioTitle, scenarioWatch } from './words';

// jsdom gives import.meta.url an http: scheme; the test runs from web/.
const SOURCES = join(process.cwd(), 'src');
const RESOURCES = { en: { ...en, knobs: schemaKnobTexts() }, 'zh-CN': zhCN };

/** Every leaf key as a dotted path. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Keys written literally in the sources: t('a.b'), t("a.b", …) and i18nKey="a.b". */
function keysUsedInSources(): Map<string, string> {
  const used = new Map<string, string>();
  const pattern = /\bt\(\s*['"]([\w.-]+)['"]|i18nKey=["']([\w.-]+)["']/g;
  for (const file of sourceFiles(SOURCES)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) used.set(match[1] ?? match[2] ?? '', file);
  }
  return used;
}

/** A key resolves if it is a leaf, or (asked with a count) has plural forms. */
function resolves(keys: Set<string>, key: string): boolean {
  return keys.has(key) || keys.has(`${key}_other`);
}

describe('translation resources', () => {
  const enKeys = new Set(leafKeys(RESOURCES.en));
  const zhKeys = new Set(leafKeys(RESOURCES['zh-CN']));

  it('have exactly the same keys in English and Simplified Chinese', () => {
    expect(
      [...enKeys].filter((k) => !zhKeys.has(k)),
      'missing in zh-CN',
    ).toEqual([]);
    expect(
      [...zhKeys].filter((k) => !enKeys.has(k)),
      'missing in en',
    ).toEqual([]);
  });

  it('leave no text empty in either language', () => {
    for (const [lng, resource] of Object.entries(RESOURCES)) {
      const empty = leafKeys(resource).filter(
        (k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], resource) === '',
      );
      expect(empty, lng).toEqual([]);
    }
  });

  it('hold every key the sources ask for with t() in both languages', () => {
    const used = keysUsedInSources();
    expect(used.size).toBeGreaterThan(150); // the scan found the dashboard's keys, not nothing
    const missing = [...used].filter(([key]) => !resolves(enKeys, key) || !resolves(zhKeys, key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('word every API code the dashboard shows, in both languages', () => {
    const codes = [
      ...CLOSE_REASONS.flatMap((r) => [`closeReason.${r}`, `closeReasonHint.${r}`]),
      ...REQUEST_OUTCOMES.map((o) => `outcome.${o}`),
      ...TARGET_STATES.map((s) => `targetState.${s}`),
      ...CONNECTION_STATES.map((s) => `connectionState.${s}`),
      ...Object.values(ERROR_CODES).map((c) => `errors.${c}`),
      ...HEALTH_CHECK_METHODS.map((m) => `health.methodNote.${m}`),
      ...SUMMARY_METRICS.filter((m) => !m.id.startsWith('requestsPerSec.')).map((m) => `compare.metric.${m.id.replaceAll('.', '_')}`),
    ];
    expect(codes.filter((k) => !enKeys.has(k) || !zhKeys.has(k))).toEqual([]);
  });

  it('translates every knob of the shared schemas by its key', () => {
    expect(Object.keys(zhCN.knobs).sort()).toEqual(Object.keys(schemaKnobTexts()).sort());
  });
});

describe('i18next setup', () => {
  it('throws on a missing key in tests instead of showing the key or English', () => {
    expect(() => i18n.t('no.such.key')).toThrow(/missing key "no\.such\.key"/);
  });

  it('words a known scenario by its id and falls back to the server text for an unknown one', async () => {
    await i18n.changeLanguage('zh-CN');
    const t = i18n.t;
    expect(scenarioTitle(t, { id: 'exhaustion', title: 'Pool exhaustion' })).toBe('连接池耗尽');
    expect(scenarioTitle(t, { id: 'brand-new', title: 'Brand new' })).toBe('Brand new');
    expect(scenarioWatch(t, { id: 'brand-new', watch: 'Watch this.' })).toBe('Watch this.');
  });

  it('bundles English only and fetches the Chinese texts before switching to Chinese', async () => {
    const fresh = i18next.createInstance().use(languagesOnDemand);
    await fresh.init({
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      lng: 'en',
      fallbackLng: false,
      supportedLngs: ['en', 'zh-CN'],
    });
    expect(fresh.hasResourceBundle('zh-CN', 'translation')).toBe(false);
    const switching = fresh.changeLanguage('zh-CN');
    expect(fresh.language, 'still English while the texts load').toBe('en');
    await switching;
    expect(fresh.language).toBe('zh-CN');
    expect(fresh.t('app.controls')).toBe(zhCN.app.controls);
  });
});

describe('detectLanguage', () => {
  it('maps zh, zh-CN and zh-Hans to Simplified Chinese and English tags to English', () => {
    for (const tag of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-CN']) expect(detectLanguage(null, [tag])).toBe('zh-CN');
    expect(detectLanguage(null, ['en-US', 'zh-CN'])).toBe('en');
  });

  it('takes the first browser language it ships, English when none, and a saved choice over both', () => {
    expect(detectLanguage(null, ['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['fr-FR', 'de'])).toBe('en');
    expect(detectLanguage('en', ['zh-CN'])).toBe('en');
    expect(detectLanguage('klingon', ['zh-CN'])).toBe('zh-CN');
  });
});
