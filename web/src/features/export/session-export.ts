import type { LabEvent } from '@poolscope/shared/events';
import type { HistorySample } from '@poolscope/shared/history';
import { RECORDING_FORMAT, RECORDING_VERSION, type Recording } from '@poolscope/shared/recording';
export { serializeRecording } from '@poolscope/shared/recording';
import type { Marker, Snapshot } from '@poolscope/shared/snapshot';
import type { Sample } from '../../lib/live-store';

/**
 * A kept sample back in the stream's shape (its histogram was stored as counts over shared bounds).
 * Field by field, not a spread: a replayed sample reads its numbers through getters (replay-samples.ts).
 */
export function toHistory(sample: Sample): HistorySample {
  const { seq, t, pool, totals, rates, latency, acquireTimeoutMs, waitCounts, waitBounds } = sample;
  return {
    seq,
    t,
    pool,
    totals,
    rates,
    latency,
    acquireTimeoutMs,
    waitHistogram: waitBounds.map((upToMs, i) => ({ upToMs, count: waitCounts[i] ?? 0 })),
  };
}

/**
 * Everything this page holds (up to 15 minutes) as a recording, so an export opens again with
 * "Open recording…". Only the latest whole snapshot is held, so it is the one frame.
 */
export function buildSession(
  samples: Sample[],
  latest: Snapshot | null,
  events: LabEvent[],
  markers: Marker[],
  now = new Date(),
  armB: Sample[] = [],
): Recording | null {
  if (samples.length === 0 || latest === null) return null;
  const { markers: _markers, ...frame } = latest;
  const first = samples[0] as Sample;
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    recordedAt: now.toISOString(),
    samples: samples.map(toHistory),
    frames: [{ ...frame, t: Math.min(frame.t, first.t) }],
    events,
    markers,
    // The comparison's state at export rides in the frame (`compare`); B's samples beside A's.
    ...(armB.length > 0 ? { armB: armB.map(toHistory) } : {}),
  };
}

/** One CSV of both arms: an `arm` column first, A's rows then B's. */
export function armsToCsv(a: Sample[], b: Sample[]): string {
  if (b.length === 0) return samplesToCsv(a);
  const csv = samplesToCsv([...a, ...b]);
  const [header = '', ...rows] = csv.trimEnd().split('\n');
  const lines = [`arm,${header}`, ...rows.map((row, i) => `${i < a.length ? 'a' : 'b'},${row}`)];
  return `${lines.join('\n')}\n`;
}

/** Numeric leaves of a nested object as dotted paths: { pool: { open: 3 } } -> { 'pool.open': 3 }. */
export function flatten(value: unknown, prefix = '', out: Record<string, number | string> = {}): Record<string, number | string> {
  if (value === null || value === undefined) return out;
  if (typeof value === 'number' || typeof value === 'string') {
    out[prefix] = value;
    return out;
  }
  if (Array.isArray(value)) return out; // histograms do not fit a flat row
  if (typeof value === 'object') {
    // for...in, not Object.entries: a sample read from a file builds its groups in getters (recording-columns-read.ts).
    for (const key in value) flatten((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out);
  }
  return out;
}

function csvCell(value: number | string | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per snapshot; columns are the union of every numeric field seen, time first. */
export function samplesToCsv(samples: Sample[]): string {
  const rows = samples.map((s) => {
    const { waitHistogram: _histogram, ...numbers } = toHistory(s); // histograms do not fit a flat row
    return { time: new Date(s.t).toISOString(), ...flatten(numbers) };
  });
  const columns: string[] = ['time', 't', 'seq'];
  const seen = new Set(columns);
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell((row as Record<string, number | string>)[c])).join(','));
  return `${lines.join('\n')}\n`;
}
