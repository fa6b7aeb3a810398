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
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 5)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

for (const [language, label, live] of [
  ['English', 'English', 'Live'],
  ['简体中文', '简体中文', '实时'],
] as const) {
  test(`axe finds no serious or critical violation on the dashboard in ${language}`, async ({ page }) => {
    test.setTimeout(180_000); // axe over the whole dashboard is slow on a busy machine
    await openDashboard(page);
    await page.getByRole('combobox', { name: 'Language · 语言' }).selectOption({ label });
    await expect(page.getByTestId('connection-status')).toHaveText(live, { timeout: 30_000 });
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    await page.waitForTimeout(1500); // the charts draw
    expect(await seriousViolations(page)).toEqual([]);
  });
}

// The presenter view (a lesson step at projector size), its key list and the speaker-notes window,
// in both languages. The language is chosen on the dashboard (it is remembered), as a teacher would.
for (const [language, label, live, keys] of [
  ['English', 'English', 'Live', 'Keyboard shortcuts'],
  ['简体中文', '简体中文', '实时', '键盘快捷键'],
] as const) {
  test(`axe finds no serious or critical violation in the presenter view, its key list and the speaker notes in ${language}`, async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000); // three axe scans; slow on a busy machine
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openDashboard(page);
    await page.getByRole('combobox', { name: 'Language · 语言' }).selectOption({ label });
    await expect(page.getByTestId('connection-status')).toHaveText(live, { timeout: 30_000 });
    const started = await request.post('/api/lessons/pool-runs-dry/steps/2', { headers: { 'x-poolscope': '1' } });
    expect(started.ok(), await started.text()).toBe(true);
    try {
      await page.goto('/#present');
      await page.reload();
      await expect(page.getByTestId('presenter')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('presenter-step')).toContainText('2');
      await page.waitForTimeout(1500); // the focused panel draws
      expect(await seriousViolations(page), 'presenter view').toEqual([]);

      await page.keyboard.press('?');
      await expect(page.getByRole('dialog', { name: keys })).toBeVisible();
      expect(await seriousViolations(page), 'key list').toEqual([]);
      await page.keyboard.press('Escape');

      await page.goto('/?speaker=1');
      await expect(page.getByTestId('speaker-step')).toContainText('2', { timeout: 30_000 });
      expect(await seriousViolations(page), 'speaker notes').toEqual([]);
    } finally {
      await request.delete('/api/lesson');
    }
  });
}
