import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { CLOSE_REASONS, REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import { HEALTH_CHECK_METHODS, IDLE_ORDERS } from '@poolscope/shared/pool-config';
import { FRAMINGS, LOAD_MODES } from '@poolscope/shared/load-config';
import { readNumber, resetLab, stat } from '../test-support/lab';

/** As lab.ts's openDashboard, with room for a machine busy with other test runs. */
async function openDashboard(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
}

const ARTIFACTS = fileURLToPath(new URL('../artifacts/views/', import.meta.url));
// Written into docs/ only when asked (UPDATE_README_SCREENSHOTS=1), as screenshots.spec.ts does.
const DOCS = process.env.UPDATE_README_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : fileURLToPath(new URL('../artifacts/readme/', import.meta.url));

/**
 * Latin words a Chinese reader still sees, on purpose: the product name, the language switch's
 * bilingual label, API codes that the help texts name as codes (a knob's options, a close reason
 * a scenario says to watch for), and the names of things that are names (Go's isHealthy, HikariCP's
 * setting, Nagle's algorithm, the Mann–Whitney U test benchstat uses, the arms A and B). Numbers with units, target ids (t1) and addresses carry digits and
 * pass on their own; UPPER_CASE error codes and protocol names (ECONNREFUSED, TCP, JSON) pass too.
 */
const ALLOWED = new Set([
  'Poolscope',
  'Language',
  'English',
  ...CLOSE_REASONS,
  ...REQUEST_OUTCOMES,
  ...HEALTH_CHECK_METHODS,
  ...IDLE_ORDERS,
  ...FRAMINGS,
  ...LOAD_MODES,
  'Go',
  'isHealthy',
  'HikariCP',
  'leakDetectionThreshold',
  'Nagle',
  'channel',
  'id',
  'Enter',
  'Tab',
  'ms',
  's',
  'min',
  'h',
  'B',
  'KiB',
  'MiB',
  'req',
  'p',
  'W',
  'L',
  'A',
  'Mann',
  'Whitney',
  'U',
  'benchstat',
]);

/**
 * Server prose shown as it came, like other server text: the export notes' messages (their mapping
 * word beside them is the dashboard's and is scanned).
 */
const SERVER_PROSE = ['knob-note-message'];

/** The visible text of the header, the lesson and scenario bars and every view, bar what is marked as code. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate((serverProse) => {
    const skip = (el: Element | null): boolean => {
      for (let e = el; e; e = e.parentElement) {
        if (e.getAttribute('translate') === 'no' || ['CODE', 'SCRIPT', 'STYLE', 'OPTION', 'title'].includes(e.tagName)) return true;
        if (serverProse.some((name) => e.classList.contains(name))) return true;
      }
      return false;
    };
    const roots = [
      ...document.querySelectorAll('.app-header, .lesson-step-line, .scenario-running-line, .lesson-bar, .scenario-bar, [data-view]'),
    ];
    const out: string[] = [];
    for (const root of roots) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || skip(parent) || !parent.checkVisibility()) continue;
        if (node.textContent?.trim()) out.push(node.textContent);
      }
      // Text drawn by CSS (content: '…' or attr(…)) is read too.
      for (const el of root.querySelectorAll('*')) {
        if (skip(el.parentElement) || !el.checkVisibility()) continue;
        for (const pseudo of ['::before', '::after']) {
          const content = getComputedStyle(el, pseudo).content;
          if (content.startsWith('"')) out.push(content.slice(1, -1));
        }
      }
      // A select shows its chosen option only.
      for (const select of root.querySelectorAll('select')) {
        const chosen = select.selectedOptions[0];
        if (chosen && chosen.getAttribute('translate') !== 'no' && select.checkVisibility()) out.push(chosen.text);
      }
    }
    return out;
  }, SERVER_PROSE);
}

const latinWords = (texts: readonly string[]) =>
  texts.flatMap((text) => text.match(/[A-Za-z][\w.:/'-]*/g) ?? []).map((w) => w.replace(/[.:'-]+$/, ''));

const isCode = (word: string) => /\d/.test(word) || /^[A-Z][A-Z0-9_]+$/.test(word) || word.includes('/');

test.use({ viewport: { width: 1920, height: 1080 } });

test.beforeAll(async ({ request }) => {
  await resetLab(request);
  await mkdir(ARTIFACTS, { recursive: true });
  await mkdir(DOCS, { recursive: true });
});
test.afterAll(async ({ request }) => resetLab(request));

test('switched to 中文 in the header, the main views show no English beyond units, codes and names', async ({ page, request }) => {
  test.setTimeout(240_000); // several runs share this machine's two cores
  await openDashboard(page);
  // Something in every view: a scenario with waits and timeouts, a config marker, a leak suspect.
  const applied = await request.post('/api/scenarios/exhaustion/apply', { headers: { 'x-poolscope': '1' } });
  expect(applied.ok(), await applied.text()).toBe(true);
  const patched = await request.patch('/api/config', { data: { pool: { leakDetectionThresholdMs: 500 }, load: { leakRate: 0.02 } } });
  expect(patched.ok(), await patched.text()).toBe(true);

  await page.getByRole('combobox', { name: 'Language · 语言' }).selectOption({ label: '简体中文' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('connection-status')).toHaveText('实时', { timeout: 30_000 });
  await expect(page.getByTestId('scenario-running-watch')).toContainText('获取超时');
  await expect.poll(() => readNumber(stat(page, 'acquire-timeouts')), { timeout: 15_000 }).toBeGreaterThan(0);
  await page.getByRole('checkbox', { name: '显示连接的打开和关闭' }).check();
  // A comparison running (its bar, table, A | B numbers, arm switch, legend) and the settings dialog open.
  await page.getByRole('button', { name: '开始对比' }).click();
  await expect(page.getByRole('button', { name: '停止对比' })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('compare-table')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('radio', { name: '编辑 B' }).check();
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
  });
  await page.getByRole('button', { name: '在真实连接池中使用这些设置…' }).click();
  const dialog = page.getByRole('dialog', { name: '在真实连接池中使用这些设置' });
  await expect(dialog.getByRole('list', { name: '每个实验室参数如何对应' })).toBeVisible({ timeout: 15_000 });
  await page.waitForTimeout(1500); // every chart takes its turn to draw

  const texts = await visibleTexts(page);
  const chinese = texts.join('').match(/\p{Script=Han}/gu)?.length ?? 0;
  expect(chinese, 'the scan read the dashboard (thousands of Chinese characters)').toBeGreaterThan(2000);
  const leftovers = [...new Set(latinWords(texts).filter((w) => !ALLOWED.has(w) && !isCode(w)))];
  expect(leftovers, 'English words left in the Chinese dashboard').toEqual([]);

  // The import tab too, then back to one pool for the pictures below.
  await dialog.getByRole('tab', { name: '导入' }).click();
  await expect(dialog.getByRole('button', { name: '预览' })).toBeVisible();
  const importLeftovers = [...new Set(latinWords(await visibleTexts(page)).filter((w) => !ALLOWED.has(w) && !isCode(w)))];
  expect(importLeftovers, 'English words left in the Chinese import tab').toEqual([]);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: '停止对比' }).click();
  await expect(page.getByRole('button', { name: '开始对比' })).toBeVisible({ timeout: 15_000 });

  // Remembered: a reload comes back in Chinese.
  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveText('实时', { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 2, name: '连接池状态' })).toBeVisible();

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.waitForTimeout(10_000); // some history in the charts
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 1920 px in Chinese').toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${DOCS}desktop-zh.png` });
  await page.screenshot({ path: `${ARTIFACTS}desktop-zh-full.png`, fullPage: true });
});

test("in 中文, a lesson step's chart markers and the event log are worded in Chinese: steps, config changes, comparisons, faults", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => localStorage.setItem('poolscope.language', 'zh-CN'));
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('实时', { timeout: 30_000 });
  const go = async (step: number) => {
    const response = await request.post(`/api/lessons/why-pools/steps/${step}`, { headers: { 'x-poolscope': '1' } });
    expect(response.ok(), await response.text()).toBe(true);
  };
  try {
    // Each a second apart so the charts draw them as separate marker lines: a step with config
    // changes, a target fault, then a step that starts a comparison (its own markers and the step's).
    await go(1);
    await page.waitForTimeout(1500);
    const fault = await request.patch('/api/targets/t1', { data: { stall: false, latencyMs: 1 } });
    expect(fault.ok(), await fault.text()).toBe(true);
    await page.waitForTimeout(1500);
    await go(2);
    await expect(page.getByTestId('lesson-step')).toContainText('第 2/5 步');
    const labels = page.locator('.marker-label');
    await expect
      .poll(async () => (await labels.allTextContents()).join(' | '), { timeout: 20_000 })
      .toContain('为什么需要连接池：第 2/5 步');
    await expect(page.locator('.event-log')).toContainText('连接池配置已更改');
    await page.waitForTimeout(1500);

    const markerTexts = await labels.allTextContents();
    const texts = [...(await visibleTexts(page)), ...markerTexts];
    const leftovers = [...new Set(latinWords(texts).filter((w) => !ALLOWED.has(w) && !isCode(w)))];
    expect(leftovers, `English words left after a lesson step (markers: ${markerTexts.join(' | ')})`).toEqual([]);
  } finally {
    await request.delete('/api/lesson');
    await page.evaluate(() => localStorage.removeItem('poolscope.language'));
  }
});
