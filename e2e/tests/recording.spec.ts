import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { parseRecording } from '@poolscope/shared/recording';
import { openDashboard, resetLab } from '../test-support/lab';

test.beforeEach(async ({ request }) => resetLab(request));
test.afterEach(async ({ request }) => resetLab(request));

test('record 30 s, reload, open the recording, play it at 4x and jump to a marker', async ({ page, request }) => {
  test.setTimeout(120_000);
  await openDashboard(page);
  await page.getByRole('button', { name: '● Record' }).click();
  await page.waitForTimeout(10_000);
  const patch = await request.patch('/api/config', { data: { pool: { maxOpen: 4, maxIdle: 4 } } });
  expect(patch.ok()).toBe(true);
  await page.waitForTimeout(20_000);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Stop and save/ }).click()]);
  const file = await download.path();
  const parsed = parseRecording(await readFile(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  expect(parsed.recording.samples.length).toBeGreaterThan(200);
  // The recording also carries the minute of markers before it began (earlier specs' changes): take ours.
  const marker = parsed.recording.markers.find((m) => m.label.includes('maxOpen') && m.t >= parsed.recording.samples[0]!.t);
  expect(marker, 'the config change is a marker in the recording').toBeDefined();

  await page.reload();
  await page.getByLabel('Recording file').setInputFiles(file);
  const bar = page.getByTestId('replay-bar');
  await expect(bar).toContainText('Playing a recording');
  await expect(page.getByRole('region', { name: 'Controls' })).toBeHidden();
  await expect(page.getByTestId('replay-time')).toHaveText(/^0:00 \/ 0:(29|30|31)$/);

  await bar.getByRole('button', { name: '4×' }).click();
  await bar.getByRole('button', { name: '▶ Play' }).click();
  await expect.poll(async () => (await page.getByTestId('replay-time').textContent()) ?? '').toMatch(/^0:(0[4-9]|[1-3]\d) \//);
  await bar.getByRole('button', { name: /Pause/ }).click();

  await bar.getByRole('button', { name: /Back to the live lab/ }).click();
  await expect(bar).toBeHidden();
  await page.getByLabel('Recording file').setInputFiles(file);
  await bar.getByRole('button', { name: /Next marker/ }).click();
  const expectedAt = Math.round((marker!.t - parsed.recording.samples[0]!.t) / 1000);
  await expect(page.getByTestId('replay-time')).toHaveText(new RegExp(`^0:${String(expectedAt).padStart(2, '0')} /`));
  // At the marker the pool still holds its old connections; played on, the recording shows it shrink to the new cap.
  await bar.getByRole('button', { name: '▶ Play' }).click();
  await expect(page.getByTestId('stat-open')).toHaveText(/^[0-4]$/, { timeout: 20_000 });
});

test('a broken recording file is explained and the live dashboard keeps working', async ({ page }, testInfo) => {
  await openDashboard(page);
  const broken = testInfo.outputPath('broken.json');
  await import('node:fs/promises').then((fs) => fs.writeFile(broken, '{"format":"poolscope-recording","version":1,"samples":[{"t":'));
  await page.getByLabel('Recording file').setInputFiles(broken);
  await expect(page.getByRole('alert')).toContainText('looks truncated');
  await expect(page.getByTestId('replay-bar')).toBeHidden();
  await expect(page.getByTestId('connection-status')).toHaveText('Live');
});

test('a recording link that cannot be opened is explained, and the page goes on to the live lab', async ({ page }) => {
  // The socket stays closed while a link's file loads (the page is about to play a recording, not the lab).
  const sockets: string[] = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto('/?recording=/no-such-recording.json');
  await expect(page.getByRole('alert')).toContainText('cannot be opened: /no-such-recording.json answered HTTP 404');
  await expect(page.getByTestId('connection-status')).toHaveText('Live', { timeout: 30_000 });
  expect(sockets).toHaveLength(1);
  await expect(page.getByTestId('replay-bar')).toBeHidden();
  // A link to another origin is refused without a request.
  await page.goto('/?recording=https://example.invalid/r.json');
  await expect(page.getByRole('alert')).toContainText("recordings open only from this dashboard's own origin");
});
