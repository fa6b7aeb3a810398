import type { Measurement, SuiteResult } from './lib/results';
import { formatNumber, median, minMax } from './lib/stats';

const summary = (samples: number[]) => {
  const [min, max] = minMax(samples);
  return samples.length === 1 ? formatNumber(samples[0]!) : `${formatNumber(median(samples))}  (${formatNumber(min)}–${formatNumber(max)})`;
};

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Per-round ratios: numerator and denominator come from the same round, measured side by side. */
function ratioSamples(byId: Map<string, Measurement>, numerator: string, denominator: string): number[] {
  const n = byId.get(numerator)?.samples ?? [];
  const d = byId.get(denominator)?.samples ?? [];
  return n.map((value, i) => value / (d[i] ?? NaN)).filter(Number.isFinite);
}

function verdict(value: number, target: { atLeast?: number; atMost?: number } | undefined): [string, string] {
  if (target === undefined) return ['', ''];
  if (target.atLeast !== undefined) return [`≥ ${target.atLeast}`, value >= target.atLeast ? 'met' : 'MISSED'];
  return [`≤ ${target.atMost}`, value <= target.atMost! ? 'met' : 'MISSED'];
}

export function printResults(results: SuiteResult[], totalS: number): void {
  const measurementRows: string[][] = [];
  const ratioRows: string[][] = [];
  for (const result of results) {
    const byId = new Map(result.measurements.map((m) => [m.id, m]));
    for (const m of result.measurements) measurementRows.push([m.section, m.label, m.unit, summary(m.samples)]);
    for (const r of result.ratios) {
      const samples = ratioSamples(byId, r.numerator, r.denominator);
      const [target, met] = verdict(median(samples), r.target);
      ratioRows.push([r.label, samples.length === 0 ? 'n/a' : `${summary(samples)}×`, target, met]);
    }
    for (const l of result.limits) {
      const samples = byId.get(l.measurement)?.samples ?? [];
      const [target, met] = verdict(median(samples), l);
      ratioRows.push([l.label, samples.length === 0 ? 'n/a' : summary(samples), target, met]);
    }
  }
  const rounds = [...new Set(results.map((r) => r.rounds))].join('/');
  console.log(`\nMeasurements: median over ${rounds} rounds (min–max)\n`);
  console.log(table(['what', 'variant', 'unit', 'median (min–max)'], measurementRows));
  console.log('\nRatios and targets (ratios computed per round, side by side, then median and min–max)\n');
  console.log(table(['ratio or figure', 'median (min–max)', 'target', 'verdict'], ratioRows));
  const notes = results.flatMap((r) => r.notes.map((note) => `${r.suite}: ${note}`));
  if (notes.length > 0) console.log(`\nNotes\n\n${notes.map((note) => `- ${note}`).join('\n')}`);
  console.log(`\n${results.length} suites in ${totalS.toFixed(0)} s`);
}

/** Smoke checks: every measurement produced finite, positive-where-it-must numbers; no ratio is empty. */
export function smokeProblems(result: SuiteResult): string[] {
  const problems: string[] = [];
  if (result.measurements.length === 0) problems.push(`${result.suite}: no measurements`);
  for (const m of result.measurements) {
    if (m.samples.length === 0 || !m.samples.every((s) => Number.isFinite(s) && s >= 0))
      problems.push(`${result.suite}: ${m.id} has bad samples ${JSON.stringify(m.samples)}`);
    const mustBePositive = /rps|uncontended\/|contended\/|\/rate$|\/bytes$|\/json$|\/cpu$|build-p50|total-p50/.test(m.id);
    if (mustBePositive && !m.samples.every((s) => s > 0))
      problems.push(`${result.suite}: ${m.id} should be > 0, got ${JSON.stringify(m.samples)}`);
    if (/\/errors$/.test(m.id)) problems.push(`${result.suite}: ${m.id}: ${m.samples.join(', ')} failed requests`);
  }
  const ids = new Set(result.measurements.map((m) => m.id));
  for (const r of result.ratios) {
    if (!ids.has(r.numerator) || !ids.has(r.denominator))
      problems.push(`${result.suite}: ratio "${r.label}" refers to a missing measurement`);
  }
  return problems;
}
