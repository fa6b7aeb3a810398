#!/usr/bin/env node
// Long run of the smoothness probe (e2e/tests/smoothness.spec.ts) against the real lab:
//   node scripts/measure-smoothness.mjs [minutes=10]
// Builds nothing: run `npx --yes pnpm@9.15.9 --filter @poolscope/web build` first if web/ changed.
// Prints heap-after-GC checkpoints once a minute and a final SMOOTHNESS line with the figures.
// Add SMOOTHNESS_STRICT=1 on a quiet machine to fail on any long task over 50 ms.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const minutes = Number(process.argv[2] ?? 10);
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error('usage: node scripts/measure-smoothness.mjs [minutes]');
  process.exit(2);
}
const cwd = fileURLToPath(new URL('..', import.meta.url));
const child = spawn('npx', ['playwright', 'test', 'tests/smoothness.spec.ts', '--project=chromium', '--no-deps', '--reporter=list'], {
  cwd,
  stdio: 'inherit',
  env: { ...process.env, SMOOTHNESS_SECONDS: String(Math.round(minutes * 60)), SMOOTHNESS_CHECKPOINTS: String(Math.max(1, Math.round(minutes))) },
});
child.on('exit', (code) => process.exit(code ?? 1));
