import { Type, type TSchema } from '@sinclair/typebox';

/** Recordings' file formats as TypeBox schemas: what a reader checks before it trusts a file. */
export const RECORDING_FORMAT = 'poolscope-recording';
/** Past this many samples a file is refused before it is expanded (15 minutes at 10 Hz is 9,000; this is ~5.5 hours). */
export const RECORDING_MAX_SAMPLES = 200_000;

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
export const FrameSchema = Type.Object({
  seq: finite,
  t: finite,
  targets: Type.Array(Type.Object({ id: Type.String() })),
  connections: Type.Array(Type.Object({ id: finite, targetId: Type.String(), state: Type.String() })),
  config: Type.Object({ pool: Type.Object({}), load: Type.Object({}) }),
});

export const MarkerSchema = Type.Object({ id: finite, t: finite, kind: Type.String(), label: Type.String() });
export const EventSchema = Type.Object({ t: finite, type: Type.String() });

/** Format 1 (2026-11): every sample whole, every frame whole. Still read. */
export const RecordingV1Schema = Type.Object({
  format: Type.Literal(RECORDING_FORMAT),
  version: Type.Literal(1),
  recordedAt: Type.String(),
  samples: Type.Array(HistorySampleSchema, { minItems: 1 }),
  frames: Type.Array(FrameSchema, { minItems: 1 }),
  events: Type.Array(EventSchema),
  markers: Type.Array(MarkerSchema),
  /** Arm B's samples when a comparison ran in the recorded span (the frames carry its state, `compare`). */
  armB: Type.Optional(Type.Array(HistorySampleSchema)),
});

const ChangeListSchema = Type.Array(Type.Union([finite, Type.Null()]), { minItems: 2 });
/** Columns (recording-columns.ts): a change list per numeric leaf, arrays as [length, ...items], objects as objects (`?`: presence). */
export const ColumnTreeSchema = Type.Recursive(
  (Self) => Type.Union([ChangeListSchema, Type.Array(Self), Type.Record(Type.String(), Self)]),
  {
    $id: 'ColumnTree',
  },
);
/** A frame patch (recording-patches.ts): `[value]` sets, `[]` removes, an object patches what was there. */
const PatchSchema = Type.Record(Type.String(), Type.Unknown());

function recordingV2(columns: TSchema) {
  const table = Type.Object({ count: Type.Integer({ minimum: 1, maximum: RECORDING_MAX_SAMPLES }), columns });
  return Type.Object({
    format: Type.Literal(RECORDING_FORMAT),
    version: Type.Literal(2),
    recordedAt: Type.String(),
    samples: table,
    frames: Type.Array(PatchSchema, { minItems: 1 }),
    events: Type.Array(EventSchema),
    markers: Type.Array(MarkerSchema),
    /** An exported session's arm B, its own samples with their own clock (`samples.columns.b` is the recorder's). */
    armB: Type.Optional(table),
  });
}

/**
 * Format 2 (2026-12): samples column-wise (`samples.columns`, decoded to `count` HistorySamples,
 * arm B under `b`), frames as patches each on the one before and without the numbers the samples
 * carry (pool, totals, rates, latency, waitHistogram: a frame takes them from the sample of its time).
 */
export const RecordingV2Schema = recordingV2(Type.Record(Type.String(), ColumnTreeSchema));
/**
 * What the loader checks with the schema checker: format 2 with its columns left to the column
 * reader (recording-columns-read.ts), which checks every change list as it expands it. TypeBox's
 * walk over a recursive union of ~3 M numbers cost ~0.2–0.4 s, as much as the rest of a load.
 */
export const RecordingV2EnvelopeSchema = recordingV2(Type.Record(Type.String(), Type.Unknown()));
