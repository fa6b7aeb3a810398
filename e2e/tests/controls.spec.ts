import { expect, test } from '@playwright/test';
import { openDashboard, readNumber, resetLab, stat } from './lab';

test.beforeEach(async ({ request }) => resetLab(request));
test.afterEach(async ({ request }) => resetLab(request));

test('moving "Max open connections" with the keyboard changes the config and caps open connections', async ({ page, request }) => {
  await openDashboard(page);
  const slider = page.getByRole('slider', { name: 'Max open connections' });
  await expect(slider).toHaveValue('10');
  await slider.focus();
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowLeft');

  await expect.poll(async () => ((await (await request.get('/api/config')).json()) as { pool: { maxOpen: number } }).pool.maxOpen).toBe(4);
  await expect(slider).toHaveValue('4');
  // the pool shrinks to the new cap, then stays there
  await expect.poll(() => readNumber(stat(page, 'open')), { timeout: 10_000 }).toBeLessThanOrEqual(4);
  for (let i = 0; i < 10; i += 1) {
    expect(await readNumber(stat(page, 'open'))).toBeLessThanOrEqual(4);
    await page.waitForTimeout(200);
  }
});

test('a value the lab refuses is explained inline and the slider returns to the server value', async ({ page, request }) => {
  await openDashboard(page);
  const slider = page.getByRole('slider', { name: 'Min idle connections' });
  await expect(slider).toHaveValue('2');
  // Min idle above Max idle (10) breaks a cross-field rule: typed into the exact-value box
  const box = page.getByRole('spinbutton', { name: 'Min idle connections (connections)' });
  await box.fill('20');
  await box.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Min idle' })).toBeVisible();
  await expect(slider).toHaveValue('2');
  const config = (await (await request.get('/api/config')).json()) as { pool: { minIdle: number } };
  expect(config.pool.minIdle).toBe(2);
});
