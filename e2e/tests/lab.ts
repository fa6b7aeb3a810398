import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

/** "1,234" -> 1234; "–" -> NaN. */
export async function readNumber(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  return Number(text.replace(/,/g, '').trim());
}

/** A scenario starts from the defaults (pool, load and target knobs), so "steady" is a reset. */
export async function resetLab(request: APIRequestContext): Promise<void> {
  // A body-less POST says it is no HTML form (docs/API.md, Access).
  const response = await request.post('/api/scenarios/steady/apply', { headers: { 'x-poolscope': '1' } });
  expect(response.ok(), await response.text()).toBe(true);
}

export async function openDashboard(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 5000 });
}

export const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);
