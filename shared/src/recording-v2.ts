import type { Static } from '@sinclair/typebox';
import type { HistorySample } from './history';
import { encodeColumns } from './recording-columns';
import { decodeColumns } from './recording-columns-read';
import { applyPatch, PatchError, toPatches } from './recording-patches';
import { RECORDING_FORMAT, type RecordingV2Schema } from './recording-schema';
import type { LabEvent } from './events';
import type { CompareSnapshot, Marker, Snapshot } from './snapshot';

export type RecordingFileV2 = Static<typeof RecordingV2Schema>;
type Columns = RecordingFileV2['samples']['columns'];
/** What a frame adds to the samples: a snapshot without the numbers a sample of its time carries (A's, and B's while comparing). */
export type SampleField = 'pool' | 'totals' | 'rates' | 'latency' | 'waitHistogram';
export type RecordedFrame = Omit<Snapshot, 'markers' | SampleField | 'compare'> & {
  compare: (Omit<CompareSnapshot, 'b'> & { b: Omit<CompareSnapshot['b'], SampleField> }) | null;
};
/** What encodeRecordingV2 writes from (recording.ts's Recording, which imports this file). */
interface RecordingContent {
  recordedAt: string;
  samples: HistorySample[];
  frames: RecordedFrame[];
  events: LabEvent[];
  markers: Marker[];
  armB?: HistorySample[];
}

/** What a frame shares with the sample of its time: stored once, in the samples. */
const SAMPLE_FIELDS = ['pool', 'totals', 'rates', 'latency', 'waitHistogram'] as const;

function withoutSampleFields(frame: RecordedFrame): object {
  const rest: Record<string, unknown> = { ...frame };
  for (const key of SAMPLE_FIELDS) delete rest[key];
  if (frame.compare) {
    const b: Record<string, unknown> = { ...frame.compare.b };
    for (const key of SAMPLE_FIELDS) delete b[key];
    rest.compare = { ...frame.compare, b };
  }
  return rest;
}

/** A recording as format 2 writes it. */
export function encodeRecordingV2(recording: RecordingContent): RecordingFileV2 {
  const { samples, frames, events, markers, armB } = recording;
  return {
    format: RECORDING_FORMAT,
    version: 2,
    recordedAt: recording.recordedAt,
    samples: { count: samples.length, columns: encodeColumns(samples) as Columns },
    frames: toPatches(frames.map(withoutSampleFields)),
    events,
    markers,
    ...(armB && armB.length > 0 ? { armB: { count: armB.length, columns: encodeColumns(armB) as Columns } } : {}),
  };
}

/**
 * A format 2 file's samples (the file already checked against RecordingV2Schema), with the indices
 * where their shape may change: the caller checks one sample of each shape before trusting them.
 * Throws ColumnError where the columns do not read.
 */
export function decodeSamplesV2(table: RecordingFileV2['samples']): { samples: HistorySample[]; shapeChanges: number[] } {
  const { records, shapeChanges } = decodeColumns(table.columns, table.count);
  return { samples: records as HistorySample[], shapeChanges };
}

/** A format 2 file's frames, each patch applied to the frame before it (no numbers: replay takes them from the samples). Throws PatchError. */
export function decodeFramesV2(file: RecordingFileV2): RecordedFrame[] {
  let previous: unknown = {};
  return file.frames.map((patch, i) => {
    previous = applyPatch(previous, patch, `/frames/${i}`);
    if (typeof previous !== 'object' || previous === null || Array.isArray(previous)) throw new PatchError(`frame ${i} is not an object`);
    return previous as RecordedFrame;
  });
}
