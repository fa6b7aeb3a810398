import { loadavg } from 'node:os';
import { expect, test } from '@playwright/test';
import { openDashboard, resetLab } from '../test-support/lab';

// Steady 10 Hz streaming with the 15-minute window: long tasks (> 50 ms) and the JS heap
// after GC. CI runs 20 s; `node scripts/measure-smoothness.mjs` runs the same probe for 10 min.
// SMOOTHNESS_COMPARE=1 runs it with a comparison (B: maxOpen 4), both arms drawn in every chart;
// SMOOTHNESS_FILL_SECONDS first streams that long unmeasured-for-heap, so the window is full
// (15 minutes of history) before the measured part begins. A comparison's charts sit below the
// comparison table, out of a 900 px view (and out of the chart rotation), so the compare variant
// runs in a 2400 px tall view: pool state, wait, throughput and round trip all on screen, the worst case.
const SECONDS = Number(process.env.SMOOTHNESS_SECONDS ?? 20);
const CHECKPOINTS = Number(process.env.SMOOTHNESS_CHECKPOINTS ?? 4);
const FILL_SECONDS = Number(process.env.SMOOTHNESS_FILL_SECONDS ?? 0);
const STRICT = process.env.SMOOTHNESS_STRICT === '1';
const COMPARE = process.env.SMOOTHNESS_COMPARE === '1';

/** A script in a long animation frame (Chromium's LoAF entry), as much of it as is printed. */
interface LoafScript {
  duration: number;
  invokerType: string;
  invoker: string;
  sourceFunctionName: string;
  sourceURL: string;
  sourceCharPosition: number;
}
/** A frame that blocked input for some of its time, and the scripts that took longest in it. */
interface LongFrame {
  atMs: number;
  durationMs: number;
  blockingMs: number;
  renderMs: number;
  scripts: string[];
}

declare global {
  interface Window {
    __probe?: { longTasks: number[]; frames: number; worstFrameMs: number; longFrames: LongFrame[] };
  }
}

test.beforeAll(async ({ request }) => {
  await resetLab(request);
  if (!COMPARE) return;
  const started = await request.put('/api/compare', { data: { b: { pool: { maxOpen: 4, maxIdle: 4 } } } });
  expect(started.ok(), await started.text()).toBe(true);
});
test.afterAll(async ({ request }) => {
  if (COMPARE) await request.delete('/api/compare');
});

/** Least-squares slope of the readings, per minute. */
function slopePerMinute(readings: readonly { s: number; mb: number }[]): number {
  const n = readings.length;
  if (n < 2) return 0;
  const mx = readings.reduce((a, r) => a + r.s, 0) / n;
  const my = readings.reduce((a, r) => a + r.mb, 0) / n;
  const sxy = readings.reduce((a, r) => a + (r.s - mx) * (r.mb - my), 0);
  const sxx = readings.reduce((a, r) => a + (r.s - mx) ** 2, 0);
  return sxx === 0 ? 0 : (sxy / sxx) * 60;
}

test(`steady streaming${COMPARE ? ' with a comparison' : ''} for ${SECONDS} s: no freeze of 1 s (no long task at all when strict), flat heap`, async ({
  page,
}) => {
  // Generous: on a busy machine every heap reading (a forced GC) and page call takes seconds.
  test.setTimeout((FILL_SECONDS + SECONDS) * 1500 + 300_000);
  if (COMPARE) await page.setViewportSize({ width: 1440, height: 2400 });
  await openDashboard(page);
  await page.getByRole('radio', { name: '15 min' }).click();
  await expect(page.getByRole('radio', { name: '15 min' })).toHaveAttribute('aria-checked', 'true');
  // Both arms drawn: the pool-state chart carries B's dashed edges beside A's.
  if (COMPARE) await expect(page.locator('[data-arm="b"]').first()).toBeAttached({ timeout: 30_000 });
  await page.waitForTimeout(3000); // warm up: first renders, JIT

  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize / 1024 / 1024;
  };
  const installProbe = () =>
    page.evaluate(() => {
      const probe = { longTasks: [] as number[], frames: 0, worstFrameMs: 0, longFrames: [] as LongFrame[] };
      window.__probe = probe;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
      // Long animation frames say which scripts ran in a slow frame (a long task does not): the
      // next step after a long task is knowing whose it was.
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          const frame = entry as PerformanceEntry & { blockingDuration: number; renderStart: number; scripts: LoafScript[] };
          if (frame.blockingDuration <= 0) continue;
          probe.longFrames.push({
            atMs: Math.round(frame.startTime),
            durationMs: Math.round(frame.duration),
            blockingMs: Math.round(frame.blockingDuration),
            renderMs: Math.round(frame.startTime + frame.duration - (frame.renderStart || frame.startTime + frame.duration)),
            scripts: frame.scripts
              .sort((a, b) => b.duration - a.duration)
              .slice(0, 3)
              .map(
                (x) =>
                  `${Math.round(x.duration)} ms ${x.invokerType} ${x.invoker} ${x.sourceFunctionName}@${x.sourceURL.split('/').pop()}:${x.sourceCharPosition}`,
              ),
          });
        }
      }).observe({ type: 'long-animation-frame' });
      let last = performance.now();
      const frame = (now: number) => {
        // A later probe replaces this one: the old loop stops.
        if (window.__probe !== probe) return;
        probe.frames += 1;
        probe.worstFrameMs = Math.max(probe.worstFrameMs, now - last);
        last = now;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

  let fill: { longTasksOver50ms: number; longestTaskMs: number; heapAfterGcMb: number[] } | null = null;
  if (FILL_SECONDS > 0) {
    await installProbe();
    const fillHeaps = [await heapMb()];
    const steps = Math.max(1, Math.round(FILL_SECONDS / 60));
    for (let i = 1; i <= steps; i += 1) {
      await page.waitForTimeout((FILL_SECONDS * 1000) / steps);
      fillHeaps.push(await heapMb());
      console.log(`  filling t=${Math.round((FILL_SECONDS * i) / steps)}s heap ${fillHeaps.at(-1)?.toFixed(1)} MB`);
    }
    const fillTasks = (await page.evaluate(() => window.__probe?.longTasks)) ?? [];
    fill = {
      longTasksOver50ms: fillTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...fillTasks)),
      heapAfterGcMb: fillHeaps.map((h) => Number(h.toFixed(1))),
    };
  }
  await installProbe();
  const loadAvgStart = loadavg()[0] ?? 0;
  const heaps = [{ s: 0, mb: await heapMb() }];
  const seqStart = Number(
    await page.evaluate(() =>
      fetch('/api/snapshot')
        .then((r) => r.json())
        .then((s: { seq: number }) => s.seq),
    ),
  );
  for (let i = 1; i <= CHECKPOINTS; i += 1) {
    await page.waitForTimeout((SECONDS * 1000) / CHECKPOINTS);
    heaps.push({ s: (SECONDS * i) / CHECKPOINTS, mb: await heapMb() });
    const probe = await page.evaluate(() => window.__probe);
    console.log(
      `  t=${Math.round((SECONDS * i) / CHECKPOINTS)}s heap ${heaps.at(-1)?.mb.toFixed(1)} MB, long tasks so far ${probe?.longTasks.length ?? 0}`,
    );
  }
  const seqEnd = Number(
    await page.evaluate(() =>
      fetch('/api/snapshot')
        .then((r) => r.json())
        .then((s: { seq: number }) => s.seq),
    ),
  );
  const probe = await page.evaluate(() => window.__probe);
  const longTasks = probe?.longTasks ?? [];
  const bPaths = COMPARE ? await page.locator('[data-arm="b"]').count() : 0;
  const figures = {
    seconds: SECONDS,
    compare: COMPARE,
    armBPaths: bPaths,
    snapshotsPerSec: Number(((seqEnd - seqStart) / SECONDS).toFixed(1)),
    longTasksOver50ms: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    longTasksMs: longTasks
      .map((d) => Math.round(d))
      .sort((a, b) => b - a)
      .slice(0, 10),
    framesPerSec: Number(((probe?.frames ?? 0) / SECONDS).toFixed(1)),
    worstFrameGapMs: Math.round(probe?.worstFrameMs ?? 0),
    heapAfterGcMb: heaps.map((h) => Number(h.mb.toFixed(1))),
    // The blocking frames, longest first, with the scripts that ran in them.
    longFrames: (probe?.longFrames ?? []).sort((a, b) => b.blockingMs - a.blockingMs).slice(0, 5),
    heapSlopeMbPerMin: Number(slopePerMinute(heaps).toFixed(3)),
    fill,
    // The machine's 1-minute load average at start and end: long tasks are wall-clock, so say how busy it was.
    loadAvg1m: [loadAvgStart, loadavg()[0] ?? 0].map((l) => Number(l.toFixed(2))),
  };
  console.log(`SMOOTHNESS ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'smoothness', description: JSON.stringify(figures) });

  expect(figures.snapshotsPerSec).toBeGreaterThan(5);
  if (COMPARE) expect(bPaths, 'arm B drawn beside A').toBeGreaterThan(0);
  // Long tasks are wall-clock: on a shared 2-core machine other processes stretch them, so
  // CI only guards against freezes; SMOOTHNESS_STRICT=1 (a quiet machine) demands none.
  if (STRICT) expect(longTasks.length, 'long tasks over 50 ms').toBe(0);
  else expect(figures.longestTaskMs, 'no freeze').toBeLessThan(1000);
  const [first, ...rest] = heaps;
  expect(Math.max(...rest.map((h) => h.mb)) - (first?.mb ?? 0), 'heap growth after GC (MB)').toBeLessThan(SECONDS >= 300 ? 25 : 15);
});
