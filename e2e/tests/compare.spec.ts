import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { resetLab } from '../test-support/lab';

// As screenshots.spec.ts: the README copy is rewritten only when asked.
const DOCS = process.env.UPDATE_README_SCREENSHOTS
  ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url))
  : fileURLToPath(new URL('../artifacts/readme/', import.meta.url));
const VIEWS = fileURLToPath(new URL('../artifacts/views/', import.meta.url));
const TIME_CHARTS = ['Pool state', 'Acquire wait percentiles', 'Requests per second by outcome', 'Round-trip percentiles'];

test.beforeAll(async ({ request }) => {
  await resetLab(request);
  await mkdir(DOCS, { recursive: true });
  await mkdir(VIEWS, { recursive: true });
});
test.afterAll(async ({ request }) => {
  await request.delete('/api/compare');
  await resetLab(request);
});

/** As lab.ts's openDashboard, with a generous deadline: the page is built while two pools run on a shared machine. */
async function openDashboard(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
}

/** Press Tab until `target` has focus (keyboard only, as a user without a mouse would). */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

test('start a comparison by keyboard only: two series per chart and the A/B table; a README screenshot', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDashboard(page);
  await page.waitForTimeout(3000); // a little of A alone before B starts

  await tabTo(page, page.getByRole('button', { name: 'Start comparison' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Keep B' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop comparison' }), 'focus follows to the replacing button').toBeFocused();
  await expect(page.getByTestId('compare-diff')).toContainText('B = A');

  // Edit B: through the skip link to Controls, where the arm switch is a radio group (arrow keys), then B's Max open.
  await tabTo(page, page.getByRole('link', { name: 'Skip to controls' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('radio', { name: 'Edit A' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Edit B' })).toBeChecked();
  const maxOpenBox = page.getByRole('spinbutton', { name: /^Max open connections/ });
  await tabTo(page, maxOpenBox);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('compare-diff')).toContainText('B: maxOpen 2');
  await expect(page.getByTestId('knob-diff-maxOpen')).toBeVisible();

  await page.waitForTimeout(12_000); // enough one-second samples for the table's verdicts
  for (const title of TIME_CHARTS) {
    const chart = page.getByRole('img', { name: new RegExp(`^${title}:`) });
    await chart.scrollIntoViewIfNeeded(); // a chart out of view waits for its turn until it comes back
    await expect(chart.locator('path.chart-line-b').first(), `${title}: arm B drawn`).toBeAttached();
    const a = await chart.locator('path.chart-line:not(.chart-line-b)').count();
    const b = await chart.locator('path.chart-line-b').count();
    expect(a, `${title}: arm A drawn`).toBeGreaterThan(0);
    expect(b, `${title}: arm B drawn dashed`).toBeGreaterThan(0);
    for (const dash of await chart.locator('path.chart-line-b').evaluateAll((ps) => ps.map((p) => p.getAttribute('stroke-dasharray'))))
      expect(dash).toBeTruthy();
  }
  // The wait histogram puts B's bars beside A's.
  const histogram = page.getByRole('figure', { name: 'Wait time histogram, last 10 seconds' });
  await histogram.scrollIntoViewIfNeeded();
  await expect(histogram.locator('.recharts-bar'), 'A and B bar series').toHaveCount(2);
  await expect(page.getByTestId('wait-histogram-total')).toContainText(/^A .* \| B /);
  const table = page.getByTestId('compare-table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('row', { name: /Round trip p50/ })).toBeVisible();
  await expect(page.getByTestId('stat-open-b')).toBeVisible();

  // The README picture: the top of the page, as a class would see it on a projector.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.sidebar')?.scrollTo(0, 0);
  });
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${DOCS}compare.png` });

  // Split: the pool-state chart once per arm, on one time axis.
  await page.getByRole('button', { name: 'Split A | B' }).click();
  await expect(page.getByRole('img', { name: /^Pool state, arm B:/ })).toBeVisible();
  await page.waitForTimeout(1500);
  await page.locator('[data-view="pool-state"]').screenshot({ path: `${VIEWS}compare-split.png` });

  // A phone still gets the whole comparison without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(800);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling at 390 px').toBeLessThanOrEqual(0);
  const clipped = await page
    .locator('.kpis .stat')
    .evaluateAll((tiles) => tiles.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
  expect(clipped, 'every A | B key number fits its tile').toEqual([]);
  await page.screenshot({ path: `${VIEWS}compare-phone.png` });

  await tabTo(page, page.getByRole('button', { name: 'Stop comparison' }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Start comparison' })).toBeVisible();
  await expect(page.getByTestId('stat-open-b')).toHaveCount(0);
});
