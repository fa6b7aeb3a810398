import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { LabEvent } from './events';
import type { HistorySample } from './history';
import type { Marker, Snapshot } from './snapshot';
import { ColumnError } from './recording-columns-read';
import { PatchError } from './recording-patches';
import { FrameSchema, HistorySampleSchema, RECORDING_FORMAT, RecordingV1Schema, RecordingV2EnvelopeSchema } from './recording-schema';
import { decodeFramesV2, decodeSamplesV2, encodeRecordingV2, type RecordedFrame, type RecordingFileV2 } from './recording-v2';
export type { RecordedFrame } from './recording-v2';

/**
 * A recording: what a dashboard saw, saved to a file and played back later with no lab behind it.
 * `samples` are the chart numbers of every snapshot received (the stream's rate); `frames` are
 * whole snapshots at most once a second, for what samples leave out (targets, connections, config,
 * the lesson step). Versioned: a reader refuses a version it does not know rather than guess.
 */
export { RECORDING_FORMAT, RECORDING_MAX_SAMPLES } from './recording-schema';
/** The version this dashboard writes; it reads every version in RECORDING_VERSIONS_READ. */
export const RECORDING_VERSION = 2;
export const RECORDING_VERSIONS_READ = [1, 2] as const;
export type RecordingVersion = (typeof RECORDING_VERSIONS_READ)[number];
/** Format 1 wrote 15 minutes at 10 Hz as ~50 MB of JSON, format 2 as a few MB; past this a browser tab parses for seconds and holds it all in memory. */
export const RECORDING_MAX_BYTES = 64 * 1024 * 1024;
/** Frames (whole snapshots) are kept at most this often. */
export const RECORDING_FRAME_INTERVAL_MS = 1000;

/** A recording as the player reads it (format 1's shape); `version` is the file's it was read from. */
export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: RecordingVersion;
  recordedAt: string;
  samples: HistorySample[];
  /**
   * Snapshots without their markers (those are in `markers`), oldest first. Format 1 kept them
   * whole; format 2 leaves out the numbers the samples carry, so a reader takes those from samples.
   */
  frames: RecordedFrame[];
  events: LabEvent[];
  markers: Marker[];
  armB?: HistorySample[];
}

export type RecordingProblem =
  | { kind: 'too-large'; message: string }
  | { kind: 'not-json'; message: string }
  | { kind: 'foreign'; message: string }
  | { kind: 'version'; message: string }
  | { kind: 'invalid'; message: string; path: string };

export type ParsedRecording = { ok: true; recording: Recording } | { ok: false; problem: RecordingProblem };

/**
 * Read a recording file's text. Never throws: a broken, truncated, foreign, too large or too new
 * file answers a problem a person can act on, and the caller keeps whatever it was showing.
 */
export function parseRecording(text: string, sizeBytes = text.length): ParsedRecording {
  const fail = (problem: RecordingProblem): ParsedRecording => ({ ok: false, problem });
  if (sizeBytes > RECORDING_MAX_BYTES) {
    return fail({
      kind: 'too-large',
      message: `the file is ${mb(sizeBytes)} MB; a recording may be at most ${mb(RECORDING_MAX_BYTES)} MB`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const cut = /end of (JSON )?input|Unterminated/i.test((error as Error).message);
    return fail({
      kind: 'not-json',
      message: cut ? 'the file ends too early: it looks truncated' : 'the file is not JSON, so not a Poolscope recording',
    });
  }
  if (value === null || typeof value !== 'object' || (value as { format?: unknown }).format !== RECORDING_FORMAT) {
    return fail({ kind: 'foreign', message: 'this is not a Poolscope recording (no "format": "poolscope-recording")' });
  }
  const version = (value as { version?: unknown }).version;
  if (version === 1) return readV1(value);
  if (version === 2) return readV2(value);
  return fail({
    kind: 'version',
    message: `recording format version ${JSON.stringify(version)}; this dashboard reads versions ${RECORDING_VERSIONS_READ.join(' and ')}`,
  });
}

/** The first error of `schema` on `value`, or undefined when it fits. */
function firstError(schema: TSchema, value: unknown, at = ''): { path: string; message: string } | undefined {
  // Value, not TypeCompiler: the compiler builds code with new Function, which the dashboard's CSP (no unsafe-eval) forbids.
  // Check first and ask for the first error only on failure: Errors walks the whole tree through a
  // generator and cost ~3x Check over a 15-minute recording (9,000 samples, docs/BENCHMARKS.md).
  if (Value.Check(schema, value)) return undefined;
  const first = Value.Errors(schema, value).First();
  return first ? { path: `${at}${first.path}` || '/', message: first.message } : { path: at || '/', message: 'does not fit' };
}

const damaged = (path: string, message: string): ParsedRecording => ({
  ok: false,
  problem: { kind: 'invalid', path: path || '/', message: `the recording is damaged at ${path || '/'}: ${message}` },
});

function checked(recording: Recording): ParsedRecording {
  if (!isOrdered(recording.samples) || !isOrdered(recording.frames)) {
    return {
      ok: false,
      problem: { kind: 'invalid', path: '/samples', message: 'the recording is damaged: its samples are out of time order' },
    };
  }
  return { ok: true, recording };
}

function readV1(value: object): ParsedRecording {
  const error = firstError(RecordingV1Schema, value);
  return error ? damaged(error.path, error.message) : checked(value as Recording);
}

/**
 * Format 2: the envelope by its schema, then the columns expanded; samples between two shape
 * changes have the same keys with numbers in them, so one sample of each shape is checked against
 * the sample schema (not all 9,000); then the frames, patched together, against the frame schema.
 */
function readV2(value: object): ParsedRecording {
  const envelope = firstError(RecordingV2EnvelopeSchema, value);
  if (envelope) return damaged(envelope.path, envelope.message);
  const file = value as RecordingFileV2;
  try {
    const a = decodeSamplesV2(file.samples);
    for (const i of a.shapeChanges) {
      const error = firstError(HistorySampleSchema, a.samples[i], `/samples/${i}`);
      if (error) return damaged(error.path, error.message);
    }
    const b = file.armB ? decodeSamplesV2(file.armB) : null;
    for (const i of b?.shapeChanges ?? []) {
      const error = firstError(HistorySampleSchema, b?.samples[i], `/armB/${i}`);
      if (error) return damaged(error.path, error.message);
    }
    const frames = decodeFramesV2(file);
    for (const [i, frame] of frames.entries()) {
      const error = firstError(FrameSchema, frame, `/frames/${i}`);
      if (error) return damaged(error.path, error.message);
    }
    return checked({
      format: RECORDING_FORMAT,
      version: 2,
      recordedAt: file.recordedAt,
      samples: a.samples,
      frames,
      events: file.events as LabEvent[],
      markers: file.markers as Marker[],
      ...(b ? { armB: b.samples } : {}),
    });
  } catch (error) {
    if (error instanceof ColumnError) return damaged(`/samples${error.path}`, error.message);
    if (error instanceof PatchError) return damaged('/frames', error.message);
    throw error;
  }
}

/** The file text of a recording, in the format this dashboard writes (RECORDING_VERSION). */
export function serializeRecording(recording: Recording): string {
  return JSON.stringify(encodeRecordingV2(recording));
}

function isOrdered(items: readonly { t: number }[]): boolean {
  for (let i = 1; i < items.length; i++) if ((items[i] as { t: number }).t < (items[i - 1] as { t: number }).t) return false;
  return true;
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** Collects a recording from a stream of snapshots and event batches, as the dashboard receives them. */
export class RecordingBuilder {
  private readonly samples: HistorySample[] = [];
  private readonly frames: Recording['frames'] = [];
  private readonly events: LabEvent[] = [];
  private readonly markers = new Map<number, Marker>();
  private lastFrameT = -Infinity;
  private lastSeq = -1;
  private bytesEstimate = 0;

  constructor(private readonly toSample: (snapshot: Snapshot) => HistorySample) {}

  /** Past the size limit the builder stops taking snapshots, so what it holds still loads. */
  get full(): boolean {
    return this.bytesEstimate >= RECORDING_MAX_BYTES * 0.9;
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  addSnapshot(snapshot: Snapshot): void {
    if (this.full || snapshot.seq === this.lastSeq) return;
    this.lastSeq = snapshot.seq;
    const sample = this.toSample(snapshot);
    this.samples.push(sample);
    // ~2 KB a sample, ~1 KB plus 50 B a listed connection a frame: an estimate is enough to stop well before the limit.
    this.bytesEstimate += 2_000;
    for (const marker of snapshot.markers) this.markers.set(marker.id, marker);
    if (snapshot.t - this.lastFrameT >= RECORDING_FRAME_INTERVAL_MS) {
      const { markers: _markers, ...frame } = snapshot;
      this.frames.push(frame);
      this.lastFrameT = snapshot.t;
      this.bytesEstimate += 1_000 + 50 * snapshot.connections.length + 400 * snapshot.targets.length;
    }
  }

  addEvents(batch: readonly LabEvent[]): void {
    if (this.full) return;
    this.events.push(...batch);
    this.bytesEstimate += 150 * batch.length;
  }

  /** Null until at least one snapshot arrived (a recording needs a frame to show). */
  build(recordedAt = new Date()): Recording | null {
    if (this.samples.length === 0 || this.frames.length === 0) return null;
    const first = (this.samples[0] as HistorySample).t;
    return {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      recordedAt: recordedAt.toISOString(),
      samples: [...this.samples],
      frames: [...this.frames],
      events: [...this.events],
      markers: [...this.markers.values()].filter((m) => m.t >= first - 60_000).sort((a, b) => a.id - b.id),
    };
  }
}
