import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TSX_IMPORT } from './lib/fork-ts';
import { benchMode } from './lib/mode';
import { RESULT_PREFIX, type SuiteResult } from './lib/results';
import { printResults, smokeProblems } from './report';

/**
 * Runs every suite, each in its own process (a clean heap and JIT, and its own fd limit), and
 * prints one table. `--smoke` runs each for a second or two and checks only that it ran and
 * produced sane numbers: benchmarks never fail for being slow. `--only=echo,scale` picks suites;
 * `--window-scale=3` measures three times as long per run.
 */
const SUITES = ['pool-overhead', 'echo', 'fanout', 'scale', 'compare', 'audience', 'relay'];
// A smoke suite spends most of its time loading modules in its own and its helpers' processes: at a load
// average of 30 on two cores the compare smoke took 50-58 s, so the bound sits well past that.
const SUITE_TIMEOUT_MS = { smoke: 180_000, full: 1_800_000 };
/** The relay suite starts redis-server and two relay processes (each compiling the server with tsx: 30 s at a load of 35) before it measures. */
const SMOKE_TIMEOUT_MS: Record<string, number> = { relay: 240_000 };

function runSuite(name: string, args: string[], timeoutMs: number): Promise<SuiteResult> {
  const file = fileURLToPath(new URL(`./suites/${name}.ts`, import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_IMPORT, file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || line === undefined) return reject(new Error(`suite ${name} failed (exit ${code ?? signal})\n${stdout}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as SuiteResult);
    });
  });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mode = benchMode(argv);
  const only = argv
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',');
  const suites = only ?? SUITES;
  const results: SuiteResult[] = [];
  const startedMs = performance.now();
  for (const name of suites) {
    process.stderr.write(`${name}${mode.smoke ? ' (smoke)' : ''}...\n`);
    const suiteStartMs = performance.now();
    results.push(
      await runSuite(
        name,
        argv.filter((a) => !a.startsWith('--only=')),
        mode.smoke ? (SMOKE_TIMEOUT_MS[name] ?? SUITE_TIMEOUT_MS.smoke) : SUITE_TIMEOUT_MS.full,
      ),
    );
    process.stderr.write(`  ${name}: ${((performance.now() - suiteStartMs) / 1000).toFixed(1)} s\n`);
  }
  printResults(results, (performance.now() - startedMs) / 1000);
  if (mode.smoke) {
    const problems = results.flatMap(smokeProblems);
    if (problems.length > 0) {
      console.error(`smoke FAILED:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`smoke ok: ${results.length} suites ran and produced sane numbers`);
  }
}

await main();
