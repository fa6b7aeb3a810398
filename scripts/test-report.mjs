#!/usr/bin/env node
// Collects the test runners' JSON reports into one closing line for `npm test`:
//   node scripts/test-report.mjs reset     # before the packages' tests run
//   node scripts/test-report.mjs summary [RUNNER_EXIT_CODE]
//                                          # after every package ran (pnpm --no-bail), with pnpm's exit code
// Why: CI reads a plain "N passed, N failed" closing line to know tests ran; vitest's and
// Playwright's own summaries are not in a form it reads. Each package's `test` script writes its
// runner's JSON report into .test-results/<package>.json.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const resultsDir = fileURLToPath(new URL('../.test-results/', import.meta.url));
// Every package whose tests count; a missing report means a runner silently ran nothing.
const expectedReports = ['shared', 'server', 'web', 'e2e'];

function countsOfVitest(report) {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function countsOfPlaywright(report) {
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

function countsOf(report) {
  if (typeof report.numPassedTests === 'number') return countsOfVitest(report);
  if (report.stats && typeof report.stats.expected === 'number') return countsOfPlaywright(report);
  throw new Error('not a vitest or Playwright JSON report');
}

/** Names (and the first line of the message) of a vitest report's failed tests. */
function failuresOfVitest(report) {
  return report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((test) => test.status === 'failed')
      .map((test) => ({ name: `${file.name.replace(repoRoot, '')} > ${test.fullName}`, message: test.failureMessages?.[0] ?? '' })),
  );
}

/** The same for a Playwright report: its suites nest, a spec holds one test per project. */
function failuresOfPlaywright(report) {
  const failures = [];
  const visit = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.at(-1);
        failures.push({ name: [...path, spec.title].join(' > '), message: last?.error?.message ?? '' });
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  for (const suite of report.suites ?? []) visit(suite, [suite.title]);
  return failures;
}

const failuresOf = (report) => (typeof report.numPassedTests === 'number' ? failuresOfVitest(report) : failuresOfPlaywright(report));

/** Strips colour codes and keeps a message's first lines: enough to know what broke from a CI log's tail. */
const firstLines = (message) =>
  stripVTControlCharacters(message)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 3)
    .map((line) => `      ${line.slice(0, 300)}`)
    .join('\n');

function summarize(runnerExitCode) {
  const found = readdirSync(resultsDir).filter((name) => name.endsWith('.json'));
  const missing = expectedReports.filter((name) => !found.includes(`${name}.json`));
  const total = { passed: 0, failed: 0, skipped: 0 };
  const failed = [];
  for (const file of found) {
    const report = JSON.parse(readFileSync(resultsDir + file, 'utf8'));
    const counts = countsOf(report);
    for (const failure of failuresOf(report)) failed.push(failure);
    // Not in the closing line's shape, so only the last line reads as the run's total.
    console.log(`  ${file.replace(/\.json$/, '').padEnd(8)} passed ${counts.passed} · failed ${counts.failed} · skipped ${counts.skipped}`);
    for (const key of Object.keys(total)) total[key] += counts[key];
  }
  if (missing.length > 0) console.log(`  no report from: ${missing.join(', ')} (its type check or build failed, or it did not run)`);
  for (const failure of failed) console.log(`  FAILED ${failure.name}\n${firstLines(failure.message)}`);
  if (runnerExitCode !== 0) console.log(`  the package runner exited with ${runnerExitCode}`);
  const failedCount = total.failed + missing.length;
  // The plain closing line CI reads: "N passed, N failed, N skipped" alone on its line.
  console.log(`${total.passed} passed, ${failedCount} failed, ${total.skipped} skipped`);
  return failedCount === 0 && total.passed > 0 && runnerExitCode === 0 ? 0 : 1;
}

const command = process.argv[2];
if (command === 'reset') {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
} else if (command === 'summary') {
  process.exitCode = summarize(Number(process.argv[3] ?? 0));
} else {
  console.error('usage: node scripts/test-report.mjs reset|summary');
  process.exitCode = 2;
}
