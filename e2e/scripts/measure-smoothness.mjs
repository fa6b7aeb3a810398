#!/usr/bin/env node
// Long run of the smoothness probe (e2e/tests/smoothness.spec.ts) against the real lab:
//   node scripts/measure-smoothness.mjs [minutes=10] [--compare] [--fill=minutes]
// --compare runs it with a comparison (B: maxOpen 4), both arms drawn in every chart.
// --fill=15 first streams 15 minutes so the 15-minute window is full before the measured minutes
// (heap checkpoints and the heap slope then describe a full window).
// Builds nothing: run `npx --yes pnpm@9.15.9 --filter @poolscope/web build` first if web/ changed.
// Prints heap-after-GC checkpoints once a minute and a final SMOOTHNESS line with the figures.
// Add SMOOTHNESS_STRICT=1 on a quiet machine to fail on any long task over 50 ms.
// E2E_PORT picks the lab's port (default 39317).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const minutes = Number(args.find((a) => !a.startsWith('--')) ?? 10);
const fillArg = args.find((a) => a.startsWith('--fill='));
const fillMinutes = fillArg ? Number(fillArg.slice('--fill='.length)) : 0;
if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isFinite(fillMinutes) || fillMinutes < 0) {
  console.error('usage: node scripts/measure-smoothness.mjs [minutes] [--compare] [--fill=minutes]');
  process.exit(2);
}
const cwd = fileURLToPath(new URL('..', import.meta.url));
const child = spawn('npx', ['playwright', 'test', 'tests/smoothness.spec.ts', '--project=chromium', '--no-deps', '--reporter=list'], {
  cwd,
  stdio: 'inherit',
  env: {
    ...process.env,
    SMOOTHNESS_SECONDS: String(Math.round(minutes * 60)),
    SMOOTHNESS_CHECKPOINTS: String(Math.max(1, Math.round(minutes))),
    SMOOTHNESS_FILL_SECONDS: String(Math.round(fillMinutes * 60)),
    SMOOTHNESS_COMPARE: args.includes('--compare') ? '1' : '0',
  },
});
child.on('exit', (code) => process.exit(code ?? 1));
