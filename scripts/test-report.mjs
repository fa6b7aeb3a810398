#!/usr/bin/env node
// Collects the test runners' JSON reports into one closing line for `npm test`:
//   node scripts/test-report.mjs reset     # before the packages' tests run
//   node scripts/test-report.mjs summary   # after they all passed
// Why: CI reads a plain "N passed, N failed" closing line to know tests ran; vitest's and
// Playwright's own summaries are not in a form it reads. Each package's `test` script writes its
// runner's JSON report into .test-results/<package>.json.
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

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

function summarize() {
  const found = readdirSync(resultsDir).filter((name) => name.endsWith('.json'));
  const missing = expectedReports.filter((name) => !found.includes(`${name}.json`));
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of found) {
    const counts = countsOf(JSON.parse(readFileSync(resultsDir + file, 'utf8')));
    // Not in the closing line's shape, so only the last line reads as the run's total.
    console.log(`  ${file.replace(/\.json$/, '').padEnd(8)} passed ${counts.passed} · failed ${counts.failed} · skipped ${counts.skipped}`);
    for (const key of Object.keys(total)) total[key] += counts[key];
  }
  if (missing.length > 0) console.log(`  no report from: ${missing.join(', ')}`);
  const failed = total.failed + missing.length;
  // The plain closing line CI reads: "N passed, N failed, N skipped" alone on its line.
  console.log(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
  return failed === 0 && total.passed > 0 ? 0 : 1;
}

const command = process.argv[2];
if (command === 'reset') {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
} else if (command === 'summary') {
  process.exitCode = summarize();
} else {
  console.error('usage: node scripts/test-report.mjs reset|summary');
  process.exitCode = 2;
}
