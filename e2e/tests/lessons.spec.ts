import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { lessonStateAt } from '@poolscope/shared/lesson-checks';
import { findLesson } from '@poolscope/shared/lessons';
import { openDashboard, resetLab } from '../test-support/lab';

const leave = async (request: APIRequestContext) => {
  await request.delete('/api/lesson');
  await resetLab(request);
};
test.beforeEach(async ({ request }) => leave(request));
test.afterEach(async ({ request }) => leave(request));

const readConfig = async (request: APIRequestContext) => (await request.get('/api/config')).json() as Promise<unknown>;

async function startLessonByKeyboard(page: Page, title: RegExp): Promise<void> {
  const picker = page.getByRole('combobox', { name: 'Lesson' });
  await expect(picker.locator('option').first()).not.toHaveText('loading…');
  await picker.focus();
  await picker.selectOption({ label: (await picker.locator('option', { hasText: title }).textContent()) ?? '' });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Start and present' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('presenter')).toBeVisible();
}

test('a lesson runs by keyboard alone: each step shows its focused panel on screen and the lab holds the cumulative state', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDashboard(page);
  const lesson = findLesson('pool-runs-dry')!;
  await startLessonByKeyboard(page, /When the pool runs dry/);
  for (let step = 1; step <= lesson.steps.length; step++) {
    await expect(page.getByTestId('presenter-step')).toHaveText(`Step ${step}/${lesson.steps.length}`);
    const expected = lessonStateAt(lesson, step);
    if (!expected.ok) throw new Error('the shipped lesson must be valid');
    await expect.poll(() => readConfig(request)).toEqual({ pool: expected.value.pool, load: expected.value.load });
    const panel = page.locator(`[data-focus-panel="${lesson.steps[step - 1]!.focus.panel}"] section.panel`);
    await expect(panel).toBeInViewport({ ratio: 0.9 });
    await expect(page.getByTestId('presenter-metric')).toHaveAttribute('data-metric', lesson.steps[step - 1]!.focus.metric);
    if (step < lesson.steps.length) await page.keyboard.press(step % 2 === 0 ? 'Space' : 'ArrowRight');
  }
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('presenter-step')).toHaveText(`Step ${lesson.steps.length - 1}/${lesson.steps.length}`);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('presenter-step')).toHaveText(`Step 1/${lesson.steps.length}`);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.keyboard.press('b');
  await expect(page.getByRole('button', { name: /Blank screen/ })).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: /Blank screen/ })).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toBeHidden();
  await expect(page.getByTestId('lesson-step')).toContainText('Step 1/');
});

test('a second browser follows the presenter: its dashboard names the step and marks the focused panel, both on screen', async ({
  page,
  browser,
}) => {
  await openDashboard(page);
  const follower = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const followerPage = await follower.newPage();
  await openDashboard(followerPage);
  await startLessonByKeyboard(page, /Dead connections/);
  const lesson = findLesson('dead-connections')!;
  for (const step of [1, 2, 3]) {
    await expect(followerPage.getByTestId('lesson-step')).toContainText(`Step ${step}/${lesson.steps.length}`);
    const focused = followerPage.locator(`#${lesson.steps[step - 1]!.focus.panel}`);
    await expect(focused).toHaveClass(/panel-focused/);
    await expect(focused).toBeInViewport();
    // The words saying what to watch stay in sight above the panel, not over it (they stay at the top while the page scrolls).
    const stepLine = followerPage.getByTestId('lesson-step');
    await expect(stepLine).toBeInViewport();
    await expect
      .poll(async () => {
        const [line, panel] = await Promise.all([stepLine.boundingBox(), focused.boundingBox()]);
        return line !== null && panel !== null && line.y + line.height <= panel.y;
      })
      .toBe(true);
    await page.keyboard.press('ArrowRight');
  }
  await follower.close();
});

test('the presenter view at projector size and the speaker notes, for the README', async ({ page, context }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDashboard(page);
  await startLessonByKeyboard(page, /When the pool runs dry/);
  await page.keyboard.press('End');
  await expect(page.getByTestId('presenter-step')).toHaveText(/Step 5\//);
  const notesPromise = context.waitForEvent('page');
  await page.keyboard.press('s');
  const notes = await notesPromise;
  await expect(notes.getByTestId('speaker-step')).toHaveText(/Step 5\//);
  await expect(notes.getByTestId('speaker-notes')).toContainText('PostgreSQL');
  await page.waitForTimeout(3000);
  const shots = process.env.UPDATE_README_SCREENSHOTS ? '../docs/screenshots' : 'artifacts/readme';
  await page.screenshot({ path: `${shots}/presenter.png` });

  // The same step in Simplified Chinese: the language is remembered, the presenter view survives the reload.
  await page.evaluate(() => localStorage.setItem('poolscope.language', 'zh-CN'));
  await page.reload();
  await expect(page.getByTestId('presenter-step')).toHaveText(/第 5\/5 步/);
  await expect(page.getByTestId('presenter-title')).toHaveText('更小反而更快');
  await page.waitForTimeout(3000);
  await page.screenshot({ path: `${shots}/presenter-zh.png` });
  await page.evaluate(() => localStorage.removeItem('poolscope.language'));
});

test('a step that compares runs its comparison beside the lab and the presenter shows A against B on one screen', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openDashboard(page);
  const lesson = findLesson('pool-runs-dry')!;
  const compareStep = lesson.steps.findIndex((s) => s.compare !== undefined) + 1;
  expect(compareStep).toBe(lesson.steps.length);
  await startLessonByKeyboard(page, /When the pool runs dry/);
  await page.keyboard.press('End');
  await expect(page.getByTestId('presenter-step')).toHaveText(`Step ${compareStep}/${lesson.steps.length}`);
  const expected = lessonStateAt(lesson, compareStep);
  if (!expected.ok || !expected.value.compare) throw new Error('the shipped lesson must compare at its last step');
  const readCompare = async () => (await request.get('/api/compare')).json() as Promise<{ running: boolean; a: unknown; b: unknown }>;
  await expect
    .poll(async () => {
      const compare = await readCompare();
      return { running: compare.running, a: compare.a, b: compare.b };
    })
    .toEqual({ running: true, a: { pool: expected.value.pool, load: expected.value.load }, b: expected.value.compare.b });

  // What differs and the focused metric for both arms, beside the panel, with no scrolling at 1920×1080.
  const box = page.getByTestId('presenter-compare');
  await expect(box).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('presenter-compare-maxOpen')).toHaveText(/Max open connections\s*4\s*50/);
  await expect(page.getByTestId('presenter-compare-b')).toHaveText(/\d/, { timeout: 15_000 });
  await expect(page.locator(`[data-focus-panel="${lesson.steps[compareStep - 1]!.focus.panel}"] section.panel`)).toBeInViewport({
    ratio: 0.9,
  });
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);

  // A step that does not compare stops it; back again starts it; leaving the lesson stops it.
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('presenter-step')).toHaveText(`Step ${compareStep - 1}/${lesson.steps.length}`);
  await expect.poll(async () => (await readCompare()).running).toBe(false);
  await expect(box).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await readCompare()).running).toBe(true);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Leave lesson' }).click();
  await expect.poll(async () => (await readCompare()).running).toBe(false);
});
