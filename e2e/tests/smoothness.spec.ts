import { loadavg } from 'node:os';
import { expect, test } from '@playwright/test';
import { openDashboard, resetLab } from '../test-support/lab';

// Steady 10 Hz streaming with the 15-minute window: long tasks (> 50 ms) and the JS heap
// after GC. CI runs 20 s; `node scripts/measure-smoothness.mjs` runs the same probe for 10 min.
const SECONDS = Number(process.env.SMOOTHNESS_SECONDS ?? 20);
const CHECKPOINTS = Number(process.env.SMOOTHNESS_CHECKPOINTS ?? 4);
const STRICT = process.env.SMOOTHNESS_STRICT === '1';

declare global {
  interface Window { __probe?: { longTasks: number[]; frames: number; worstFrameMs: number } }
}

test.beforeAll(async ({ request }) => resetLab(request));

test(`steady streaming for ${SECONDS} s: no freeze of 1 s (no long task at all when strict), flat heap`, async ({ page }) => {
  test.setTimeout(SECONDS * 1000 + 90_000);
  await openDashboard(page);
  await page.getByRole('radio', { name: '15 min' }).click();
  await expect(page.getByRole('radio', { name: '15 min' })).toHaveAttribute('aria-checked', 'true');
  await page.waitForTimeout(3000); // warm up: first renders, JIT

  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 1024 / 1024;
  };
  await page.evaluate(() => {
    const probe = { longTasks: [] as number[], frames: 0, worstFrameMs: 0 };
    window.__probe = probe;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); }).observe({ type: 'longtask' });
    let last = performance.now();
    const frame = (now: number) => {
      probe.frames += 1;
      probe.worstFrameMs = Math.max(probe.worstFrameMs, now - last);
      last = now;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

  const loadAvgStart = loadavg()[0] ?? 0;
  const heaps = [await heapMb()];
  const seqStart = Number(await page.evaluate(() => fetch('/api/snapshot').then((r) => r.json()).then((s: { seq: number }) => s.seq)));
  for (let i = 1; i <= CHECKPOINTS; i += 1) {
    await page.waitForTimeout((SECONDS * 1000) / CHECKPOINTS);
    heaps.push(await heapMb());
    const probe = await page.evaluate(() => window.__probe);
    console.log(`  t=${Math.round((SECONDS * i) / CHECKPOINTS)}s heap ${heaps.at(-1)?.toFixed(1)} MB, long tasks so far ${probe?.longTasks.length ?? 0}`);
  }
  const seqEnd = Number(await page.evaluate(() => fetch('/api/snapshot').then((r) => r.json()).then((s: { seq: number }) => s.seq)));
  const probe = await page.evaluate(() => window.__probe);
  const longTasks = probe?.longTasks ?? [];
  const figures = {
    seconds: SECONDS,
    snapshotsPerSec: Number(((seqEnd - seqStart) / SECONDS).toFixed(1)),
    longTasksOver50ms: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    framesPerSec: Number(((probe?.frames ?? 0) / SECONDS).toFixed(1)),
    worstFrameGapMs: Math.round(probe?.worstFrameMs ?? 0),
    heapAfterGcMb: heaps.map((h) => Number(h.toFixed(1))),
    // The machine's 1-minute load average at start and end: long tasks are wall-clock, so say how busy it was.
    loadAvg1m: [loadAvgStart, loadavg()[0] ?? 0].map((l) => Number(l.toFixed(2))),
  };
  console.log(`SMOOTHNESS ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'smoothness', description: JSON.stringify(figures) });

  expect(figures.snapshotsPerSec).toBeGreaterThan(5);
  // Long tasks are wall-clock: on a shared 2-core machine other processes stretch them, so
  // CI only guards against freezes; SMOOTHNESS_STRICT=1 (a quiet machine) demands none.
  if (STRICT) expect(longTasks.length, 'long tasks over 50 ms').toBe(0);
  else expect(figures.longestTaskMs, 'no freeze').toBeLessThan(1000);
  const [first = 0, ...rest] = heaps;
  expect(Math.max(...rest) - first, 'heap growth after GC (MB)').toBeLessThan(SECONDS >= 300 ? 25 : 15);
});
