import { Type, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { LabEvent } from './events';
import type { HistorySample } from './history';
import type { Marker, Snapshot } from './snapshot';

/**
 * A recording: what a dashboard saw, saved to a file and played back later with no lab behind it.
 * `samples` are the chart numbers of every snapshot received (the stream's rate); `frames` are
 * whole snapshots at most once a second, for what samples leave out (targets, connections, config,
 * the lesson step). Versioned: a reader refuses a version it does not know rather than guess.
 */
export const RECORDING_FORMAT = 'poolscope-recording';
export const RECORDING_VERSION = 1;
/** 15 minutes at 10 Hz is ~20–30 MB of JSON; past this a browser tab parses for seconds and holds it all in memory. */
export const RECORDING_MAX_BYTES = 64 * 1024 * 1024;
/** Frames (whole snapshots) are kept at most this often. */
export const RECORDING_FRAME_INTERVAL_MS = 1000;

const finite = Type.Number();
const Percentiles = Type.Object({ p50: finite, p90: finite, p99: finite, max: finite, mean: finite, count: finite });
const NumberRecord = Type.Record(Type.String(), finite);
const Counters = Type.Object({
  acquires: finite,
  acquiresWaited: finite,
  acquireTimeouts: finite,
  rejected: finite,
  dials: finite,
  dialFailures: finite,
  healthChecksPassed: finite,
  healthChecksFailed: finite,
  staleBorrows: finite,
  requestsStarted: finite,
  closed: NumberRecord,
  requests: NumberRecord,
});

export const HistorySampleSchema = Type.Object({
  seq: finite,
  t: finite,
  pool: Type.Object({
    open: finite,
    idle: finite,
    active: finite,
    connecting: finite,
    validating: finite,
    closing: finite,
    waiting: finite,
    maxOpen: finite,
    minIdle: finite,
    maxIdle: finite,
    oldestWaitMs: finite,
    leakSuspects: finite,
  }),
  totals: Type.Intersect([
    Counters,
    Type.Object({
      requestsInFlight: finite,
      dialFailuresByCode: NumberRecord,
      healthChecksByMethod: Type.Record(Type.String(), Type.Object({ passed: finite, failed: finite })),
    }),
  ]),
  rates: Counters,
  latency: Type.Object({
    acquireWaitMs: Percentiles,
    rttMs: Percentiles,
    dialMs: Percentiles,
    holdMs: Percentiles,
    healthCheckMs: Percentiles,
    lifespanMs: Percentiles,
  }),
  waitHistogram: Type.Array(Type.Object({ upToMs: finite, count: finite }), { maxItems: 200 }),
  acquireTimeoutMs: finite,
});

/** What the player reads of a frame; the rest of the snapshot rides along unchecked and panels treat it as they would a live one. */
const FrameSchema = Type.Object({
  seq: finite,
  t: finite,
  targets: Type.Array(Type.Object({ id: Type.String() })),
  connections: Type.Array(Type.Object({ id: finite, targetId: Type.String(), state: Type.String() })),
  config: Type.Object({ pool: Type.Object({}), load: Type.Object({}) }),
});

const MarkerSchema = Type.Object({ id: finite, t: finite, kind: Type.String(), label: Type.String() });
const EventSchema = Type.Object({ t: finite, type: Type.String() });

export const RecordingSchema = Type.Object({
  format: Type.Literal(RECORDING_FORMAT),
  version: Type.Literal(RECORDING_VERSION),
  recordedAt: Type.String(),
  samples: Type.Array(HistorySampleSchema, { minItems: 1 }),
  frames: Type.Array(FrameSchema, { minItems: 1 }),
  events: Type.Array(EventSchema),
  markers: Type.Array(MarkerSchema),
  /** Arm B's samples when a comparison ran in the recorded span (the frames carry its state, `compare`). */
  armB: Type.Optional(Type.Array(HistorySampleSchema)),
});

export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  recordedAt: string;
  samples: HistorySample[];
  /** Whole snapshots without their markers (those are in `markers`), oldest first. */
  frames: Omit<Snapshot, 'markers'>[];
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
  if (version !== RECORDING_VERSION) {
    return fail({
      kind: 'version',
      message: `recording format version ${JSON.stringify(version)}; this dashboard reads version ${RECORDING_VERSION}`,
    });
  }
  // Value, not TypeCompiler: the compiler builds code with new Function, which the dashboard's CSP (no unsafe-eval) forbids.
  // Check first and ask for the first error only on failure: Errors walks the whole tree through a
  // generator and cost ~3x Check over a 15-minute recording (9,000 samples, docs/BENCHMARKS.md).
  const first = Value.Check(RecordingSchema as TSchema, value) ? undefined : Value.Errors(RecordingSchema as TSchema, value).First();
  if (first)
    return fail({
      kind: 'invalid',
      path: first.path || '/',
      message: `the recording is damaged at ${first.path || '/'}: ${first.message}`,
    });
  const recording = value as Recording;
  if (!isOrdered(recording.samples) || !isOrdered(recording.frames)) {
    return fail({ kind: 'invalid', path: '/samples', message: 'the recording is damaged: its samples are out of time order' });
  }
  return { ok: true, recording };
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
