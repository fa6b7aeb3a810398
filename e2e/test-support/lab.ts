import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { LabConfig } from '@poolscope/shared/protocol';
import type { TargetSnapshot } from '@poolscope/shared/snapshot';

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
  // A generous deadline: on a loaded machine the first paint can take seconds; how fast is bench/'s question.
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
}

export const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);

/** The lab's config as the REST API reports it, typed by the shared protocol. */
export async function readConfig(request: APIRequestContext): Promise<LabConfig> {
  const response = await request.get('/api/config');
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as LabConfig;
}

/** The lab's targets as the REST API reports them. */
export async function readTargets(request: APIRequestContext): Promise<TargetSnapshot[]> {
  const response = await request.get('/api/targets');
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()) as TargetSnapshot[];
}
