#!/usr/bin/env node
// How fast a page shows its first live number, as a phone on classroom Wi-Fi would (issue 19):
//   node scripts/measure-first-load.mjs [loads=7] [cpuThrottle=4]
// Builds nothing: run `npx --yes pnpm@9.15.9 --filter @poolscope/web build` first if web/ changed.
// Starts its own lab on a free port, bound to this machine's LAN address when it has one, so
// Chromium asks for gzip as a phone on the LAN does (over plain HTTP it offers brotli only to
// loopback). Each load is a fresh browser context (empty cache) in Debian's Chromium with the CPU
// slowed by CDP Emulation.setCPUThrottlingRate. Prints the median time to the first live number
// (the KPI strip's "Open connections" showing a number) and the JavaScript on the wire: before
// that number, and in all once the page has settled. A benchmark: it never fails for being slow.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { loadavg, networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const loads = Number(process.argv[2] ?? 7);
const throttle = Number(process.argv[3] ?? 4);
if (!Number.isInteger(loads) || loads < 1 || !Number.isFinite(throttle) || throttle < 1) {
  console.error('usage: node scripts/measure-first-load.mjs [loads=7] [cpuThrottle=4]');
  process.exit(2);
}
const SETTLE_MS = 3000;
const PAGES = [
  ['audience', '/?audience=1'],
  ['dashboard', '/'],
];

const lanAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
const host = lanAddress ?? '127.0.0.1';
const port = await freePort(host);
const origin = `http://${host}:${port}`;

const lab = spawn('npx', ['tsx', 'src/main.ts', '--host', host, '--port', String(port), '--embedded-targets', '2'], {
  cwd: fileURLToPath(new URL('../../server/', import.meta.url)),
  stdio: ['ignore', 'ignore', 'inherit'],
  detached: true,
});
const stopLab = () => {
  try {
    process.kill(-lab.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stopLab);

try {
  await waitForHealthy(`${origin}/healthz`, 60_000);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const loadAvgStart = loadavg()[0] ?? 0;
  const report = {};
  for (const [name, path] of PAGES) {
    await measureOnce(browser, path); // warm the lab's file cache and the JIT of the lab, not counted
    const runs = [];
    for (let i = 0; i < loads; i += 1) runs.push(await measureOnce(browser, path));
    report[name] = summarise(runs);
    console.log(`  ${name}: ${runs.map((r) => `${Math.round(r.firstNumberMs)} ms`).join(', ')}`);
  }
  await browser.close();
  const figures = {
    origin,
    encodingAsked: lanAddress ? 'gzip, deflate (LAN)' : 'gzip, deflate, br, zstd (loopback)',
    cpuThrottle: throttle,
    loads,
    loadAvg: [Number(loadAvgStart.toFixed(2)), Number((loadavg()[0] ?? 0).toFixed(2))],
    ...report,
  };
  console.log(`FIRST-LOAD ${JSON.stringify(figures)}`);
} finally {
  stopLab();
}

async function measureOnce(browser, path) {
  const context = await browser.newContext({
    viewport: path.includes('audience') ? { width: 390, height: 844 } : { width: 1440, height: 900 },
  });
  await context.addInitScript(() => {
    // The moment the KPI strip first shows a number, on the page's own clock (ms since navigation).
    new window.MutationObserver((_records, observer) => {
      const text = document.querySelector('[data-testid="stat-open"]')?.textContent?.replace(/,/g, '').trim() ?? '';
      if (text === '' || !Number.isFinite(Number(text))) return;
      window.__firstNumberMs = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${origin}${path}`);
  await firstNumberShown(cdp, 60_000);
  await page.waitForTimeout(SETTLE_MS);
  const result = await page.evaluate(() => {
    const firstNumberMs = window.__firstNumberMs;
    const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'));
    const sum = (entries) => entries.reduce((total, e) => total + e.encodedBodySize, 0);
    const before = scripts.filter((e) => e.responseEnd <= firstNumberMs);
    return {
      firstNumberMs,
      jsBeforeBytes: sum(before),
      jsBeforeFiles: before.length,
      jsSettledBytes: sum(scripts),
      jsSettledFiles: scripts.length,
    };
  });
  await context.close();
  return result;
}

/**
 * Waits for the page's first number by asking over the DevTools protocol, not with Playwright's
 * `waitForFunction`: that evaluates Playwright's injected script (~330 KB) in the page, and at 4× it
 * took the page's main thread for 0.14–0.27 s right between the app's evaluation and its first
 * render (Chrome traces, session 12): the measuring tool delayed what it measured. A phone has no
 * Playwright. `Runtime.evaluate` of one property runs nothing else in the page.
 */
async function firstNumberShown(cdp, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window.__firstNumberMs', returnByValue: true });
    if (typeof result.value === 'number') return;
    if (Date.now() > deadline) throw new Error(`no live number within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function summarise(runs) {
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  const kb = (bytes) => Number((bytes / 1000).toFixed(1));
  return {
    firstLiveNumberMs: {
      median: Math.round(median(runs.map((r) => r.firstNumberMs))),
      min: Math.round(Math.min(...runs.map((r) => r.firstNumberMs))),
      max: Math.round(Math.max(...runs.map((r) => r.firstNumberMs))),
    },
    jsBeforeFirstNumberKB: kb(median(runs.map((r) => r.jsBeforeBytes))),
    jsFilesBeforeFirstNumber: median(runs.map((r) => r.jsBeforeFiles)),
    jsAfterSettlingKB: kb(median(runs.map((r) => r.jsSettledBytes))),
  };
}

function freePort(address) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, address, () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
  });
}

async function waitForHealthy(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the lab did not answer ${url} within ${timeoutMs / 1000} s`);
}
