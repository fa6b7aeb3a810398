import { expect, test } from '@playwright/test';

test('the built app loads in Chromium and shows its heading', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Poolscope' })).toBeVisible();
});
