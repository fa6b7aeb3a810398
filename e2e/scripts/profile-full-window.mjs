#!/usr/bin/env node
// Where the dashboard's main-thread time goes once the 15-minute window is full, without
// waiting 15 minutes: a profiling build (web/src/lib/profiling-hook.ts) against the real lab,
// seeded with 15 minutes of synthetic history, traced for a while with Chrome's tracer.
//   node scripts/profile-full-window.mjs [seconds=30]
// Prints per-chart refresh cost as main-thread CPU time (trace `tdur`, robust to other load on
// the machine) and wall time, and the functions that take the most self time in slow tasks.
// The figures for issue 4 still come from measure-smoothness.mjs against the real build.
// PROFILE_COMPARE=1 starts a comparison first (B: maxOpen 4) and seeds both arms' windows; its view is
// 2400 px tall, so the time charts below the comparison table take their turns.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { seedFullWindow, instrumentChartTurns } from './profile/seed.mjs';
import { analyseTrace } from './profile/analyse-trace.mjs';

const SECONDS = Number(process.argv[2] ?? 30);
// The CPU sampler costs the page time of its own: PROFILE_CPU=0 measures tick costs without it.
const SAMPLE_CPU = process.env.PROFILE_CPU !== '0';
// PROFILE_HEAP_SECONDS=180 first watches the heap with the window full (before tracing).
const HEAP_SECONDS = Number(process.env.PROFILE_HEAP_SECONDS ?? 0);
const COMPARE = process.env.PROFILE_COMPARE === '1';
// PROFILE_TRACE_OUT=file.json also writes the raw trace (Chrome's DevTools Performance panel opens it).
const TRACE_OUT = process.env.PROFILE_TRACE_OUT;
const TASK_CATEGORIES = ['toplevel', 'blink.user_timing'];
const SERVER_PORT = Number(process.env.PROFILE_SERVER_PORT ?? 39_417);
const PREVIEW_PORT = SERVER_PORT + 1;
const webDir = fileURLToPath(new URL('../../web/', import.meta.url));
const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const outDir = fileURLToPath(new URL('../artifacts/profiling-dist', import.meta.url));
const children = [];

function run(command, args, cwd, env = {}) {
  // Its own process group: the server and preview run under npx, whose children a plain kill would leave running.
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  children.push(child);
  return child;
}

async function waitForUrl(url, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

/** Heap after GC every 30 s with the ring buffer already full: it should stay flat. */
async function heapCheckpoints(cdp, page, seconds) {
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024).toFixed(1);
  };
  const readings = [await heapMb()];
  for (let s = 30; s <= seconds; s += 30) {
    await page.waitForTimeout(30_000);
    readings.push(await heapMb());
  }
  console.log(`heap after GC every 30 s with a full window (MB): ${readings.join(', ')}`);
}

async function main() {
  const build = run('npx', ['vite', 'build', '--mode', 'profiling', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], webDir);
  const [code] = await once(build, 'exit');
  if (code !== 0) throw new Error('profiling build failed');
  run('npx', ['tsx', 'src/main.ts', '--port', String(SERVER_PORT), '--embedded-targets', '2'], serverDir);
  await waitForUrl(`http://127.0.0.1:${SERVER_PORT}/healthz`);
  if (COMPARE) {
    const started = await fetch(`http://127.0.0.1:${SERVER_PORT}/api/compare`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ b: { pool: { maxOpen: 4, maxIdle: 4 } } }),
    });
    if (!started.ok) throw new Error(`PUT /api/compare: ${started.status} ${await started.text()}`);
  }
  run('npx', ['vite', 'preview', '--mode', 'profiling', '--outDir', outDir, '--port', String(PREVIEW_PORT), '--strictPort'], webDir, {
    POOLSCOPE_SERVER_URL: `http://127.0.0.1:${SERVER_PORT}`,
  });
  await waitForUrl(`http://127.0.0.1:${PREVIEW_PORT}/`);

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: COMPARE ? 2400 : 900 } });
  await page.goto(`http://127.0.0.1:${PREVIEW_PORT}/`);
  await page.getByTestId('connection-status').filter({ hasText: 'Live' }).waitFor({ timeout: 10_000 });
  await page.getByRole('radio', { name: '15 min' }).click();
  await page.waitForTimeout(1000);
  const seeded = await page.evaluate(seedFullWindow);
  console.log(`seeded ${seeded.samples} samples (arm B ${seeded.samplesB}, ${seeded.minutes} min) and ${seeded.markers} markers`);
  await page.evaluate(instrumentChartTurns);
  await page.waitForTimeout(3000); // every chart redrawn once at full size, JIT warm

  const cdp = await page.context().newCDPSession(page);
  if (HEAP_SECONDS > 0) await heapCheckpoints(cdp, page, HEAP_SECONDS);
  const chunks = [];
  cdp.on('Tracing.dataCollected', ({ value }) => chunks.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: SAMPLE_CPU ? [...TASK_CATEGORIES, 'disabled-by-default-v8.cpu_profiler'] : TASK_CATEGORIES },
  });
  await page.waitForTimeout(SECONDS * 1000);
  await cdp.send('Tracing.end');
  await done;
  if (TRACE_OUT) await writeFile(TRACE_OUT, JSON.stringify({ traceEvents: chunks }));
  console.log(analyseTrace(chunks));
  await browser.close();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  });
