import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseRecording } from '@poolscope/shared/recording';
import { openDashboard, readNumber, resetLab, stat } from '../test-support/lab';

test.beforeAll(async ({ request }) => resetLab(request));

// How soon the numbers appear is measured in bench/ (control latency); here, that they appear and move.
test('live numbers appear once the dashboard loads, and keep moving', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
  await expect(stat(page, 'open')).toHaveText(/^\d[\d,]*$/);
  await expect.poll(() => readNumber(stat(page, 'request-rate'))).toBeGreaterThan(0);
  // the snapshot stream is live, not a one-off fetch
  const first = await page.getByTestId('stat-request-rate').textContent();
  await expect.poll(() => page.getByTestId('stat-request-rate').textContent()).not.toBe(first);
});

test('export downloads the recorded session as valid JSON (and CSV)', async ({ page }) => {
  await openDashboard(page);
  await page.waitForTimeout(1500);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^poolscope-session-.*\.json$/);
  const parsed = parseRecording(await readFile(await download.path(), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const session = parsed.recording;
  expect(session.samples.length).toBeGreaterThan(5);
  expect(typeof session.samples[0]?.pool.open).toBe('number');
  const seqs = session.samples.map((s) => s.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(Array.isArray(session.events)).toBe(true);
  expect(session.frames.at(-1)?.config.pool.maxOpen).toBe(10);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).trim().split('\n');
  // An `arm` column leads when the window holds a comparison's arm B (an earlier spec may have run one).
  expect(lines[0]).toMatch(/^(arm,)?time,t,seq,/);
  expect(lines.length).toBeGreaterThan(5);
});
