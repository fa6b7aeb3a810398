#!/usr/bin/env node
// Issue 17's speed targets for recordings, in Debian's Chromium against the production build:
// a 15-minute recording loads and draws in ≤ 1 s, a seek redraws in ≤ 100 ms.
//   node scripts/measure-recording.mjs [--rounds=5] [--keep=/tmp/recording-15min.json] [--format=1]
// Builds nothing: run `cd web && npx vite build` first if web/ changed.
// 1. Starts the lab (MEASURE_PORT, default 39431), starts a comparison (B: maxOpen 4) and records
//    12 s with the dashboard's own Record button (a config change and a target fault in it).
// 2. Expands that to 15 minutes at 10 Hz (scripts/recording/expand.mjs, run through expand-file.mjs
//    under tsx so it reads and writes the format with shared/'s code): 9,000 samples with arm B, a
//    frame a second, the events repeated, a marker every 90 s, a lesson through the middle third.
//    Written in the current format, or with --format=1 in format 1 (to time the old files, which still open).
// 3. Measures, each `rounds` times: open by the file chooser, open by ?recording=<url>, a scrubber
//    seek, a jump to the next marker; each from the input event to the first frame painted after the
//    dashboard shows it (the replay clock updated and the pool-state chart's lines drawn, two animation
//    frames; after a seek, its line redrawn). Before the seeks the pool-state chart is scrolled up under
//    the replay bar, as a teacher scrubbing while watching it has it. Prints medians and maxima.
// --profile: the first round's file open and first scrubber seek also run under the CPU profiler
//    (CDP), and where their time went is printed: self time by function, heaviest first.
import { spawn, spawnSync } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROUNDS = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 5);
const PORT = Number(process.env.MEASURE_PORT ?? 39_431);
const BASE = `http://127.0.0.1:${PORT}`;
const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const distDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));
const FILE_NAME = 'measure-recording-15min.json';
const filePath = `${distDir}${FILE_NAME}`;
const children = [];

/** A current-format file back to samples and markers, through shared/'s reader under tsx (the figures need times only). */
async function readBack(text) {
  const reader = fileURLToPath(new URL('./recording/read-times.mjs', import.meta.url));
  const out = spawnSync('npx', ['tsx', reader], { cwd: serverDir, input: text, maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`read-times.mjs failed: ${out.stderr}`);
  return JSON.parse(out.stdout.toString());
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

const api = async (method, path, body) => {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : { 'x-poolscope': '1' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

/** Record a few seconds of the real lab with the dashboard's Record button; the saved file, parsed. */
async function recordBase(page) {
  await page.goto(BASE);
  await page.getByTestId('connection-status').filter({ hasText: 'Live' }).waitFor({ timeout: 60_000 });
  await api('PUT', '/api/compare', { b: { pool: { maxOpen: 4, maxIdle: 4 } } });
  await page.waitForTimeout(3000);
  await page.getByRole('button', { name: '● Record' }).click();
  await page.waitForTimeout(4000);
  await api('PATCH', '/api/config', { pool: { maxOpen: 8 } });
  await page.waitForTimeout(3000);
  await api('PATCH', '/api/targets/t1', { down: true });
  await page.waitForTimeout(2000);
  await api('PATCH', '/api/targets/t1', { down: false });
  await page.waitForTimeout(3000);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Stop and save/ }).click()]);
  await api('DELETE', '/api/compare');
  await api('POST', '/api/scenarios/steady/apply');
  return download.path();
}

// ---- in the page (page.evaluate): these functions must not close over anything ----
/* global requestAnimationFrame, PerformanceObserver */

/** Before an action: note when its input event arrives (capture phase, so before React). */
function armTimer(eventType) {
  window.__measure = { start: null, end: null, changedAt: null, events: [] };
  const onEvent = (event) => {
    if (window.__measure.start === null) window.__measure.start = event.timeStamp;
  };
  document.addEventListener(eventType, onEvent, { capture: true, once: true });
  // Event Timing: the browser's own figure from an input to the next paint after its handlers ran.
  const measure = window.__measure;
  new PerformanceObserver((list) => measure.events.push(...list.getEntries())).observe({ type: 'event', durationThreshold: 16 });
}

/**
 * Resolve when the replay clock reads `text` and the pool-state chart is drawn (an open is drawn
 * only when its charts are, not when the clock first shows), then after the frame that paints it.
 */
function waitForClock([pattern, previousLine]) {
  return new Promise((resolve) => {
    const re = new RegExp(pattern);
    const check = () => {
      const clock = document.querySelector('[data-testid="replay-time"]');
      // The chart's own figure (its chunk in and rendered), not the placeholder that holds its place;
      // after a seek, its line redrawn with the new instant's data.
      const line = document.querySelector('#pool-state figure.chart:not([aria-busy]) svg path.chart-line');
      const drawn = line !== null && (previousLine === null || line.getAttribute('d') !== previousLine);
      if (clock && re.test(clock.textContent ?? '') && drawn) {
        window.__measure.changedAt = performance.now();
        requestAnimationFrame(() =>
          requestAnimationFrame((now) => {
            window.__measure.end = now;
            resolve(now);
          }),
        );
      } else setTimeout(check, 0);
    };
    check();
  });
}

const clockOf = (ms) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs) =>
  xs.length === 0
    ? { medianMs: null, maxMs: null, runsMs: [] }
    : { medianMs: Math.round(median(xs)), maxMs: Math.round(Math.max(...xs)), runsMs: xs.map((x) => Math.round(x)) };

const PROFILE = process.argv.includes('--profile');

/** Self time by function (name, file:line) of a CDP CPU profile, heaviest first. */
function selfTimes(profile, top = 25) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  const deltas = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + (deltas[i + 1] ?? 0));
  });
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const byFile = new Map();
  for (const [key, us] of selfUs) {
    const file = key.split(' ').at(-1).replace(/:\d+$/, '') || '(native)';
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const lines = [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  const files = [...byFile.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([file, us]) => `${file} ${(us / 1000).toFixed(1)} ms`);
  return [`  ${(totalUs / 1000).toFixed(1).padStart(8)} ms  (all); by file: ${files.join(', ')}`, ...lines].join('\n');
}

/** Runs `work` under Chromium's CPU profiler when --profile is given, and prints where the time went. */
async function profiled(page, label, work) {
  if (!PROFILE) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`profile of ${label}:\n${selfTimes(profile)}`);
  await cdp.detach();
  return result;
}

/** The pool-state chart's first line as drawn now (null before it is drawn). */
function poolStateLine() {
  return document.querySelector('#pool-state figure.chart:not([aria-busy]) svg path.chart-line')?.getAttribute('d') ?? null;
}

/**
 * As a teacher scrubs while watching a chart: the pool-state chart scrolled up to just under the
 * replay bar (which stays at the top), so a seek has to redraw the charts on screen.
 */
function scrollPoolStateIntoView() {
  // What stays at the top while a recording plays: its bar, and the recorded lesson step under it.
  const bar = document.querySelector('.replay-top') ?? document.querySelector('[data-testid="replay-bar"]');
  const panel = document.getElementById('pool-state');
  if (!bar || !panel) throw new Error('no replay bar or pool-state panel');
  window.scrollBy({ top: panel.getBoundingClientRect().top - bar.getBoundingClientRect().bottom - 8, behavior: 'instant' });
}

/**
 * Input to redrawn, two ways. `toFrameAfter`: to the frame after the one that painted the change
 * (two animation frames from seeing it; whatever runs after that paint, such as the lower panels'
 * follow-up render, counts too). `toPaint`: to the paint itself, by Event Timing (input to the next
 * paint after its handlers; rounded to 8 ms), where the change was in the page by then; else null.
 */
async function measureBoth(page, eventType, act, clockPattern) {
  const previousLine = await page.evaluate(poolStateLine);
  await page.evaluate(armTimer, eventType);
  const clockDone = page.evaluate(waitForClock, [clockPattern, previousLine]);
  await act();
  await clockDone;
  await page.waitForTimeout(100); // Event Timing reports after the paint
  const { start, end, changedAt, paintAt } = await page.evaluate((type) => {
    const m = window.__measure;
    const entry = m.events.find((e) => e.name === type && Math.abs(e.startTime - m.start) < 1);
    return { ...m, events: undefined, paintAt: entry ? entry.startTime + entry.duration : null };
  }, eventType);
  if (start === null) throw new Error(`no ${eventType} event seen`);
  return { toFrameAfter: end - start, toPaint: paintAt !== null && changedAt <= paintAt ? paintAt - start : null };
}

async function measure(page, eventType, act, clockPattern) {
  return (await measureBoth(page, eventType, act, clockPattern)).toFrameAfter;
}

async function main() {
  const server = spawn('npx', ['tsx', 'src/main.ts', '--port', String(PORT), '--embedded-targets', '2'], {
    cwd: serverDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  children.push(server);
  await waitForUrl(`${BASE}/healthz`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();

  const basePath = await recordBase(page);
  const lessons = await (await fetch(`${BASE}/api/lessons`)).json();
  const lesson = lessons.find((l) => l.id === 'pool-runs-dry') ?? lessons[0];
  const format = process.argv.find((a) => a.startsWith('--format='))?.slice('--format='.length) ?? '2';
  const expander = fileURLToPath(new URL('./recording/expand-file.mjs', import.meta.url));
  const expanded = spawnSync('npx', ['tsx', expander, basePath, filePath, lesson.id, String(lesson.steps.length), format], {
    cwd: serverDir,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (expanded.status !== 0) throw new Error('expand-file.mjs failed');
  const text = await readFile(filePath, 'utf8');
  const base = JSON.parse(await readFile(basePath, 'utf8'));
  const recording = format === '1' ? JSON.parse(text) : await readBack(text);
  // --keep=<path> keeps a copy of the file (to profile the loader on its own, say).
  const keep = process.argv.find((a) => a.startsWith('--keep='))?.slice('--keep='.length);
  if (keep) await writeFile(keep, text);
  const spanMs = recording.samples.at(-1).t - recording.samples[0].t;
  const file = {
    samples: recording.samples.length,
    withArmB: recording.samples.filter((s) => s.b).length,
    frames: recording.frames.length,
    events: recording.events.length,
    markers: recording.markers.length,
    megabytes: Number((text.length / 1024 / 1024).toFixed(1)),
    format: Number(format),
    basedOn: `a recording of ${base.samples.count ?? base.samples.length} samples, ${base.frames.length} frames, ${base.events.length} events`,
  };
  console.log(`recording: ${JSON.stringify(file)}`);
  const endClock = `/ ${clockOf(spanMs)}$`;

  const loadAvgStart = loadavg()[0];
  const fileOpen = [];
  const urlOpen = [];
  const urlOpenSinceFetch = [];
  const scrub = [];
  const marker = [];
  const keySeek = [];
  const keySeekPaint = [];
  const markerPaint = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    // Open by the file chooser, on a live dashboard.
    await page.goto(BASE);
    await page.getByTestId('connection-status').filter({ hasText: 'Live' }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1000);
    // The user's path: the button opens the dialog (and starts fetching the player's chunks), then a
    // file is picked. No pause is added between the two, though a person always takes one.
    const openByChooser = async () => {
      const chooserShown = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open recording' }).click();
      const chooser = await chooserShown;
      return measure(page, 'change', () => chooser.setFiles(filePath, { timeout: 180_000 }), `^0:00 ${endClock}`);
    };
    fileOpen.push(round === 0 ? await profiled(page, 'open by the file chooser', openByChooser) : await openByChooser());
    await page.waitForTimeout(500);
    await page.evaluate(scrollPoolStateIntoView);
    await page.waitForTimeout(300);
    // Scrubber seeks, to the middle then near the end and back: each draws a full window.
    for (const fraction of [0.5, 0.95, 0.3]) {
      const at = Math.round((spanMs * (fraction + round * 0.01)) / 100) * 100;
      // (Filled by script, so untrusted: no Event Timing figure for these.)
      const seek = () =>
        measureBoth(page, 'input', () => page.getByLabel('Position in the recording').fill(String(at)), `^${clockOf(at)} `);
      const figure = round === 0 && fraction === 0.5 ? await profiled(page, 'a scrubber seek', seek) : await seek();
      scrub.push(figure.toFrameAfter);
      await page.waitForTimeout(300);
    }
    // Seek by keyboard (PageDown / PageUp on the scrubber: a tenth of the recording), as a person
    // does, with trusted key events, so Event Timing gives the input-to-paint figure.
    await page.getByLabel('Position in the recording').focus();
    for (const key of ['PageUp', 'PageDown', 'PageUp', 'PageUp']) {
      const before = await page.getByTestId('replay-time').textContent();
      const shown = before.split(' ')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const figure = await measureBoth(page, 'keydown', () => page.keyboard.press(key), `^(?!${shown} )\\d`);
      keySeek.push(figure.toFrameAfter);
      if (figure.toPaint !== null) keySeekPaint.push(figure.toPaint);
      await page.waitForTimeout(300);
    }
    // Jump to the next marker, twice.
    for (let j = 0; j < 2; j += 1) {
      const position = await page.getByLabel('Position in the recording').inputValue();
      const next = recording.markers.find((m) => m.t - recording.samples[0].t > Number(position) + 1);
      if (!next) break;
      const figure = await measureBoth(
        page,
        'click',
        () => page.getByRole('button', { name: /Next marker/ }).click(),
        `^${clockOf(next.t - recording.samples[0].t)} `,
      );
      marker.push(figure.toFrameAfter);
      if (figure.toPaint !== null) markerPaint.push(figure.toPaint);
      await page.waitForTimeout(300);
    }
    // Open by ?recording=<url>: from navigation start, and from the moment the file's fetch began.
    await page.goto('about:blank');
    // The file is fetched by a worker (read-text-off-main.ts), whose requests the page's resource
    // timing does not list; Playwright sees them, with their start on the epoch clock.
    let fileRequest = null;
    const onRequest = (request) => {
      if (request.url().endsWith(`/${FILE_NAME}`)) fileRequest = request;
    };
    page.on('request', onRequest);
    await page.goto(`${BASE}/?recording=/${FILE_NAME}`);
    await page.evaluate(() => {
      window.__measure = { start: 0, end: null };
    });
    const end = await page.evaluate(waitForClock, [`^0:00 ${endClock}`, null]);
    page.off('request', onRequest);
    if (!fileRequest) throw new Error(`no request for ${FILE_NAME} seen`);
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    urlOpen.push(end);
    urlOpenSinceFetch.push(timeOrigin + end - fileRequest.timing().startTime);
  }
  const figures = {
    rounds: ROUNDS,
    openByFileChooser: summary(fileOpen),
    openByUrlSinceFetch: summary(urlOpenSinceFetch),
    openByUrlSinceNavigation: summary(urlOpen),
    seekByScrubber: summary(scrub),
    jumpToMarker: summary(marker),
    seekByKeyboard: summary(keySeek),
    seekByKeyboardToPaint: summary(keySeekPaint),
    jumpToMarkerToPaint: summary(markerPaint),
    loadAvg1m: [loadAvgStart, loadavg()[0]].map((l) => Number(l.toFixed(2))),
  };
  console.log(`RECORDING ${JSON.stringify({ file, ...figures })}`);
  const verdict = (s, targetMs) =>
    s.runsMs.length === 0
      ? 'no figure (no event entry whose paint came after the change)'
      : `${s.medianMs} ms median, ${s.maxMs} ms max (target ${targetMs} ms: ${s.medianMs <= targetMs ? 'met' : 'MISSED'} at the median)`;
  console.log(`open (file chooser) → drawn: ${verdict(figures.openByFileChooser, 1000)}`);
  console.log(`open (?recording=, from its fetch) → drawn: ${verdict(figures.openByUrlSinceFetch, 1000)}`);
  console.log(`open (?recording=, from navigation) → drawn: ${verdict(figures.openByUrlSinceNavigation, 1000)}`);
  console.log(`seek (scrubber) → redrawn: ${verdict(figures.seekByScrubber, 100)}`);
  console.log(`jump to marker → redrawn: ${verdict(figures.jumpToMarker, 100)}`);
  console.log(`seek (keyboard on the scrubber) → redrawn: ${verdict(figures.seekByKeyboard, 100)}`);
  console.log(`seek (keyboard on the scrubber) → the paint that shows it (Event Timing): ${verdict(figures.seekByKeyboardToPaint, 100)}`);
  console.log(`jump to marker → the paint that shows it (Event Timing): ${verdict(figures.jumpToMarkerToPaint, 100)}`);
  await browser.close();
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await rm(filePath, { force: true });
    // The server runs under npx: end its whole process group.
    for (const child of children) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
    }
  });
