import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { openDashboard, resetLab } from '../test-support/lab';

const ARTIFACTS = fileURLToPath(new URL('../artifacts/views/', import.meta.url));
// The README's screenshots are rewritten only when asked (UPDATE_README_SCREENSHOTS=1), so a test run
// leaves the working tree clean; otherwise they go with the other artifacts.
const DOCS = process.env.UPDATE_README_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : fileURLToPath(new URL('../artifacts/readme/', import.meta.url));
const VIEWS = [
  'key-numbers',
  'pool-state',
  'wait-times',
  'throughput',
  'health',
  'littles-law',
  'connection-map',
  'connection-lifetimes',
  'targets',
  'controls',
  'events',
];

test.beforeAll(async ({ request }) => {
  await resetLab(request);
  await mkdir(ARTIFACTS, { recursive: true });
  await mkdir(DOCS, { recursive: true });
});
test.afterAll(async ({ request }) => resetLab(request));

async function runScenario(page: Page, title: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: title });
  await page.getByRole('button', { name: /Run scenario|Run again/ }).click();
}

test('a screenshot of each view, and desktop and phone screenshots for the README', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await openDashboard(page);
  await page.waitForTimeout(10_000); // some steady history before the change
  await runScenario(page, 'Pool exhaustion');
  await page.waitForTimeout(10_000);

  for (const view of VIEWS) {
    const locator = page.locator(`[data-view="${view}"]`);
    await expect(locator, view).toBeVisible();
    await locator.screenshot({ path: `${ARTIFACTS}${view}.png` });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0); // no tooltip left open
  await page.waitForTimeout(1500); // let every visible chart take its turn
  await page.screenshot({ path: `${DOCS}desktop.png` });
  await page.screenshot({ path: `${ARTIFACTS}desktop-full.png`, fullPage: true });

  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${ARTIFACTS}desktop-dark.png` });
  await page.getByRole('button', { name: 'Switch to light theme' }).click();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const phonePage = await phone.newPage();
  await openDashboard(phonePage);
  await phonePage.waitForTimeout(4000);
  const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(0);
  await phonePage.screenshot({ path: `${DOCS}phone.png` });
  await phonePage.screenshot({ path: `${ARTIFACTS}phone-full.png`, fullPage: true });
  await phone.close();
});
