import type { LabEvent } from '@poolscope/shared/events';
import type { Marker } from '@poolscope/shared/snapshot';
import type { LabConfig } from '@poolscope/shared/protocol';
import type { CompareSnapshot } from '@poolscope/shared/compare';
import type { Sample } from '../../lib/live-store';

/** Arm B of a comparison: its samples (the same shape as `snapshots`) and the comparison's state at export. */
export interface CompareExport {
  b: Sample[];
  diff: CompareSnapshot['diff'];
  seed: number;
  startedAt: number;
  sharedTargetIds: string[];
  windowS: number;
  summary: CompareSnapshot['summary'];
  configB: CompareSnapshot['b']['config'];
}

export interface SessionExport {
  format: 'poolscope-session/1';
  exportedAt: string;
  /** One record per snapshot received (10 Hz), without the per-connection lists. */
  snapshots: Sample[];
  events: LabEvent[];
  markers: Marker[];
  config: LabConfig | null;
  /** Arm B's samples whenever a comparison ran in the recorded span (absent otherwise); `compare` only while one runs. */
  armB?: Sample[];
  compare?: Omit<CompareExport, 'b'>;
}

export function buildSession(
  snapshots: Sample[], events: LabEvent[], markers: Marker[], config: LabConfig | null, now = new Date(), armB: Sample[] = [], compare: CompareSnapshot | null = null,
): SessionExport {
  const session: SessionExport = { format: 'poolscope-session/1', exportedAt: now.toISOString(), snapshots, events, markers, config };
  if (armB.length > 0) session.armB = armB;
  if (compare) {
    const { diff, seed, startedAt, sharedTargetIds, windowS, summary } = compare;
    session.compare = { diff, seed, startedAt, sharedTargetIds, windowS, summary, configB: compare.b.config };
  }
  return session;
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
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
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
  const rows = samples.map((s) => ({ time: new Date(s.t).toISOString(), ...flatten(s) }));
  const columns: string[] = ['time', 't', 'seq'];
  const seen = new Set(columns);
  for (const row of rows) for (const key of Object.keys(row)) if (!seen.has(key)) { seen.add(key); columns.push(key); }
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell((row as Record<string, number | string>)[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export function download(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
