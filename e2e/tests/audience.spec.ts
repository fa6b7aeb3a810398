import { expect, test, type APIRequestContext } from '@playwright/test';
import { findLesson } from '@poolscope/shared/lessons';
import { resetLab } from '../test-support/lab';

const leave = async (request: APIRequestContext) => {
  await request.delete('/api/lesson');
  await resetLab(request);
};
test.beforeEach(async ({ request }) => leave(request));
test.afterEach(async ({ request }) => leave(request));

const goToStep = async (request: APIRequestContext, id: string, step: number) => {
  const response = await request.post(`/api/lessons/${id}/steps/${step}`, { headers: { 'x-poolscope': '1' } });
  expect(response.ok(), await response.text()).toBe(true);
};

test("an audience page at phone size follows the presenter's lesson step and scenario, with no controls", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?audience=1');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
  await expect(page.getByTestId('audience-view')).toBeVisible();
  const lesson = findLesson('why-pools')!;
  for (const step of [1, 2]) {
    await goToStep(request, lesson.id, step);
    await expect(page.getByTestId('audience-step-title')).toHaveText(lesson.steps[step - 1]!.title.en);
    await expect(page.locator(`[data-focus-panel="${lesson.steps[step - 1]!.focus.panel}"] section.panel`)).toBeVisible();
  }
  await request.delete('/api/lesson');
  await expect(page.getByTestId('audience-step')).toHaveCount(0);
  const applied = await request.post('/api/scenarios/exhaustion/apply', { headers: { 'x-poolscope': '1' } });
  expect(applied.ok(), await applied.text()).toBe(true);
  await expect(page.getByTestId('audience-scenario')).toBeVisible();
  // Nothing to press that changes the lab, and nothing wider than the phone.
  await expect(page.getByRole('slider')).toHaveCount(0);
  await expect(page.getByRole('switch')).toHaveCount(0);
  // The one select is the reader's own language, not a lab control.
  await expect(page.getByRole('combobox')).toHaveCount(1);
  await expect(page.locator('.language-select').getByRole('combobox')).toHaveCount(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('the presenter\'s "Share with the class" shows a QR code, the audience link and who is watching', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
  const audience = await browser.newPage();
  await audience.goto(new URL('/?audience=1', page.url()).toString());
  await page.getByTestId('class-share').click();
  await expect(page.getByRole('img', { name: 'QR code of the audience link' })).toBeVisible();
  await expect(page.getByTestId('audience-link')).toHaveText(/\/\?audience=1$/);
  await expect(page.getByTestId('viewer-count')).toHaveText('· 2 watching');
  await audience.close();
});
