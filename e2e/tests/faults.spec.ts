import { expect, test } from '@playwright/test';
import { openDashboard, readConfig, readNumber, readTargets, resetLab, stat } from '../test-support/lab';

test.beforeEach(async ({ request }) => resetLab(request));
test.afterEach(async ({ request }) => resetLab(request));

test('taking a target down makes health-check failures rise on screen', async ({ page, request }) => {
  await openDashboard(page);
  // With idle sockets watched, the pool hears the close at once (remote-closed); turn that
  // off, as in Go, so only the health checks can find the dead connections.
  await page.getByText('Health checks', { exact: true }).click(); // open the group
  await page.getByRole('switch', { name: 'Watch idle sockets' }).click();
  await expect.poll(async () => (await readConfig(request)).pool.watchIdle).toBe(false);
  // Check every borrow. By default a busy connection is not checked (used within
  // validateAfterIdleMs) and only the few idle for a whole heartbeat interval are: whether one of
  // those is on the downed target is chance, and when none is, its dead connections all end as
  // stale borrows, none as a failed check (about one run in eight failed that way).
  const checkEveryBorrow = await request.patch('/api/config', { data: { pool: { validateAfterIdleMs: 0 } } });
  expect(checkEveryBorrow.ok(), await checkEveryBorrow.text()).toBe(true);

  // the target holding the most pooled connections
  const targets = await readTargets(request);
  const busiest = [...targets].sort((a, b) => b.open - a.open)[0];
  expect(busiest, 'the lab has a target').toBeDefined();
  const before = await readNumber(stat(page, 'health-checks-failed'));

  const tile = page.getByTestId(`target-${busiest?.id}`);
  await tile.getByRole('switch', { name: 'Down' }).click();
  await expect(tile.getByTestId(`target-state-${busiest?.id}`)).toHaveText('down');
  await expect.poll(() => readNumber(stat(page, 'health-checks-failed')), { timeout: 15_000 }).toBeGreaterThan(before);
});

test('the exhaustion scenario shows borrowers waiting and acquire timeouts', async ({ page }) => {
  await openDashboard(page);
  await page.getByRole('combobox', { name: 'Scenario' }).selectOption({ label: 'Pool exhaustion' });
  await expect(page.getByTestId('scenario-watch')).toContainText('acquire timeout');
  await page.getByRole('button', { name: /Run scenario|Run again/ }).click();
  await expect.poll(() => readNumber(stat(page, 'waiting')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect.poll(() => readNumber(stat(page, 'acquire-timeouts')), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(page.getByRole('slider', { name: 'Max open connections' })).toHaveValue('4');
});
