import { expect, test } from '@playwright/test';
import { openDashboard, readConfig, readNumber, resetLab, stat } from '../test-support/lab';

test.beforeEach(async ({ request }) => resetLab(request));
test.afterEach(async ({ request }) => resetLab(request));

test('moving "Max open connections" with the keyboard changes the config and caps open connections', async ({ page, request }) => {
  await openDashboard(page);
  const slider = page.getByRole('slider', { name: 'Max open connections' });
  await expect(slider).toHaveValue('10');
  await slider.focus();
  for (let i = 0; i < 6; i += 1) await page.keyboard.press('ArrowLeft');

  await expect.poll(async () => (await readConfig(request)).pool.maxOpen).toBe(4);
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
  const config = await readConfig(request);
  expect(config.pool.minIdle).toBe(2);
});

test('a shared link carries the config and applies it only when asked', async ({ page, request }) => {
  await page.goto('/?pool.maxOpen=7&load.concurrency=12');
  await expect(page.getByRole('region', { name: 'Shared configuration' })).toContainText('Max open connections = 7');
  const before = await readConfig(request);
  expect(before.pool.maxOpen).toBe(10); // nothing applied just by opening the link
  await page.getByRole('button', { name: 'Apply to the lab' }).click();
  await expect.poll(() => readConfig(request)).toMatchObject({ pool: { maxOpen: 7 }, load: { concurrency: 12 } });
  await expect(page.getByRole('slider', { name: 'Concurrency' })).toHaveValue('12');
  expect(new URL(page.url()).search).toBe('');
});

test('pause freezes the numbers on screen while the lab keeps running', async ({ page }) => {
  await openDashboard(page);
  await page.getByRole('button', { name: /Pause/ }).click();
  const frozen = await page.getByTestId('stat-request-rate').textContent();
  await page.waitForTimeout(1500);
  expect(await page.getByTestId('stat-request-rate').textContent()).toBe(frozen);
  await page.getByRole('button', { name: /Resume/ }).click();
  await expect.poll(() => page.getByTestId('stat-request-rate').textContent()).not.toBe(frozen);
});
