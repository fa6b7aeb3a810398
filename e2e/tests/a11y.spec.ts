import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { resetLab } from '../test-support/lab';

/** As lab.ts's openDashboard, with room for a machine busy with other test runs. */
async function openDashboard(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
}

test.beforeAll(async ({ request }) => resetLab(request));
test.afterAll(async ({ request }) => resetLab(request));

/** Serious and critical axe findings (WCAG 2.x A and AA), each as "rule: selector, selector". */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [language, label, live] of [['English', 'English', 'Live'], ['简体中文', '简体中文', '实时']] as const) {
  test(`axe finds no serious or critical violation on the dashboard in ${language}`, async ({ page }) => {
    test.setTimeout(180_000); // axe over the whole dashboard is slow on a busy machine
    await openDashboard(page);
    await page.getByRole('combobox', { name: 'Language · 语言' }).selectOption({ label });
    await expect(page.getByTestId('connection-status')).toHaveText(live, { timeout: 30_000 });
    await page.evaluate(() => { for (const d of document.querySelectorAll('details')) d.open = true; });
    await page.waitForTimeout(1500); // the charts draw
    expect(await seriousViolations(page)).toEqual([]);
  });
}
