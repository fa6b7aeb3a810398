import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseRecording } from '@poolscope/shared/recording';
import { openDashboard, resetLab } from '../test-support/lab';

test.beforeAll(async ({ request }) => resetLab(request));

test("a dashboard opened late draws the lab's recent past at once, markers included", async ({ page, request }) => {
  const patched = await request.patch('/api/config', { data: { load: { thinkMs: 7 } } });
  expect(patched.ok(), await patched.text()).toBe(true);
  await expect
    .poll(async () => ((await (await request.get('/api/history')).json()) as { samples: unknown[] }).samples.length, { timeout: 10_000 })
    .toBeGreaterThanOrEqual(4);
  const openedAtMs = Date.now();
  await openDashboard(page);
  await page.waitForTimeout(500);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const parsed = parseRecording(await readFile(await download.path(), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const session = parsed.recording;
  // Half a second of streaming gives ~5 live samples; the rest came from the server's history.
  expect(session.samples[0]!.t).toBeLessThan(openedAtMs - 2500);
  const times = session.samples.map((s) => s.t);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  expect(session.markers.some((m) => m.t < openedAtMs && /think/i.test(m.label))).toBe(true);
});
