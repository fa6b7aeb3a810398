import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toHistorySample } from '@poolscope/shared/history';
import {
  parseRecording,
  RecordingBuilder,
  RECORDING_MAX_BYTES,
  RECORDING_MAX_SAMPLES,
  serializeRecording,
  type Recording,
} from '@poolscope/shared/recording';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { FUZZ_SEED } from '../test-support/arbitraries';

/** A recording of a real lab: 20 snapshots and their events, as a dashboard would save them. */
async function recordRealLab(t: TestLab): Promise<Recording> {
  const builder = new RecordingBuilder(toHistorySample);
  await new Promise<void>((resolve) => {
    const stop = t.lab.onTick((snapshot: Snapshot, events) => {
      builder.addSnapshot(snapshot);
      builder.addEvents(events);
      if (builder.sampleCount >= 20) {
        stop();
        resolve();
      }
    });
  });
  const recording = builder.build();
  if (!recording) throw new Error('no recording');
  return recording;
}

describe('recording loader fuzzing', () => {
  let t: TestLab;
  let valid: Recording;
  /** The current format (2) and format 1, which a user's older files are in. */
  let text: string;
  let textV1: string;
  beforeAll(async () => {
    t = await startTestLab({ sampleHz: 20 });
    t.lab.patchConfig({ pool: { maxOpen: 3 } });
    valid = await recordRealLab(t);
    text = serializeRecording(valid);
    textV1 = JSON.stringify({ ...valid, version: 1 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads back what it wrote, frames at most once a second and every snapshot a sample', () => {
    const parsed = parseRecording(text);
    const parsedV1 = parseRecording(textV1);
    if (!parsed.ok || !parsedV1.ok) throw new Error('a recording just written does not read');
    expect(JSON.parse(text).version).toBe(2);
    // Format 2 reads back what format 1 holds, number for number.
    expect(JSON.parse(JSON.stringify(parsed.recording.samples))).toEqual(parsedV1.recording.samples);
    expect(parsed.recording.markers).toEqual(parsedV1.recording.markers);
    expect(parsed.recording.frames.map((f) => [f.t, f.config, f.connections])).toEqual(
      parsedV1.recording.frames.map((f) => [f.t, f.config, f.connections]),
    );
    expect(text.length).toBeLessThan(textV1.length / 2);
    expect(valid.samples).toHaveLength(20);
    expect(valid.frames.length).toBeLessThanOrEqual(2);
    expect(valid.markers.some((m) => m.label.includes('maxOpen'))).toBe(true);
  });

  it('never throws on 1,000 damaged files, and says why each damaged one cannot be read', () => {
    // Each mutation carries the verdict an independent rule predicts, not what the loader says.
    type Mutation = { text: string; expect: 'not-json' | 'foreign' | 'version' | 'invalid' | 'any' };
    const truncate = fc.tuple(fc.boolean(), fc.nat()).map(([v1, at]): Mutation => {
      const source = v1 ? textV1 : text;
      return { text: source.slice(0, 1 + (at % (source.length - 1))), expect: 'not-json' };
    });
    const file = JSON.parse(text) as Record<string, unknown> & { samples: { count: number; columns: Record<string, unknown> } };
    const fileV1 = JSON.parse(textV1) as Record<string, unknown>;
    const eitherFile = fc.boolean().map((v1) => (v1 ? fileV1 : file));
    const foreignFormat = fc
      .tuple(
        eitherFile,
        fc.string().filter((s) => s !== 'poolscope-recording'),
      )
      .map(([f, format]): Mutation => ({ text: JSON.stringify({ ...f, format }), expect: 'foreign' }));
    const otherVersion = fc
      .tuple(
        eitherFile,
        fc.oneof(fc.integer(), fc.string(), fc.constant(null)).filter((v) => v !== 1 && v !== 2),
      )
      .map(([f, version]): Mutation => ({ text: JSON.stringify({ ...f, version }), expect: 'version' }));
    // Format 1 under the number 2 and the other way round: each reader refuses the other's body.
    const swappedVersion = eitherFile.map((f): Mutation => ({
      text: JSON.stringify({ ...f, version: f === file ? 1 : 2 }),
      expect: 'invalid',
    }));
    // Format 1: a sample without one of its keys, or one of the wrong type.
    const sampleKeys = Object.keys(valid.samples[0]!);
    const dropSampleKey = fc
      .tuple(fc.integer({ min: 0, max: valid.samples.length - 1 }), fc.constantFrom(...sampleKeys))
      .map(([index, key]): Mutation => {
        const copy = structuredClone(fileV1) as unknown as { samples: Record<string, unknown>[] };
        delete copy.samples[index]![key];
        return { text: JSON.stringify(copy), expect: 'invalid' };
      });
    const wrongValue = fc.oneof(fc.string(), fc.constant(null), fc.boolean());
    const wrongType = fc
      .tuple(fc.integer({ min: 0, max: valid.samples.length - 1 }), fc.constantFrom('t', 'seq', 'pool', 'latency'), wrongValue)
      .map(([index, key, value]): Mutation => {
        const copy = structuredClone(fileV1) as unknown as { samples: Record<string, unknown>[] };
        copy.samples[index]![key] = value;
        return { text: JSON.stringify(copy), expect: 'invalid' };
      });
    // Format 2: a sample key's column gone or of the wrong type, a change list broken, a wrong count, a frame patch broken.
    const columnKeys = Object.keys(file.samples.columns);
    const dropColumn = fc.constantFrom(...columnKeys).map((key): Mutation => {
      const copy = structuredClone(file);
      delete copy.samples.columns[key];
      return { text: JSON.stringify(copy), expect: 'invalid' };
    });
    const wrongColumn = fc.tuple(fc.constantFrom('t', 'seq', 'pool', 'latency'), wrongValue).map(([key, value]): Mutation => {
      const copy = structuredClone(file);
      copy.samples.columns[key] = value;
      return { text: JSON.stringify(copy), expect: 'invalid' };
    });
    const leaves: unknown[][] = [];
    const collect = (tree: unknown): void => {
      if (Array.isArray(tree) && typeof tree[0] === 'number') leaves.push(tree);
      else if (Array.isArray(tree)) tree.forEach(collect);
      else if (typeof tree === 'object' && tree !== null) Object.values(tree).forEach(collect);
    };
    collect(file.samples.columns);
    const breakChangeList = fc
      .tuple(fc.nat(), fc.nat(), fc.constantFrom<unknown>(-1, 1e9, 0.5, 'x', true), fc.constantFrom<unknown>('x', true, {}))
      .map(([leaf, at, badGap, badValue]): Mutation => {
        const index = leaf % leaves.length;
        const list = leaves[index]!;
        const k = at % list.length;
        const copy = structuredClone(file);
        const copied: unknown[][] = [];
        const find = (tree: unknown): void => {
          if (Array.isArray(tree) && typeof tree[0] === 'number') copied.push(tree);
          else if (Array.isArray(tree)) tree.forEach(find);
          else if (typeof tree === 'object' && tree !== null) Object.values(tree).forEach(find);
        };
        find(copy.samples.columns);
        copied[index]![k] = k % 2 === 0 ? badGap : badValue;
        return { text: JSON.stringify(copy), expect: 'invalid' };
      });
    const wrongCount = fc
      .constantFrom<unknown>(0, -1, 1.5, 'x', null, RECORDING_MAX_SAMPLES + 1, valid.samples.length - 1)
      .map((count): Mutation => ({ text: JSON.stringify({ ...file, samples: { ...file.samples, count } }), expect: 'invalid' }));
    const frames = file.frames as unknown[];
    const brokenFrame = fc
      .tuple(
        fc.nat(frames.length - 1),
        fc.constantFrom<unknown>('x', null, [], { seq: ['x'] }, { connections: [[1]] }, { targets: { 0: 5 } }),
      )
      .map(([index, patch]): Mutation => {
        const copy = structuredClone(file) as unknown as { frames: unknown[] };
        copy.frames[index] = patch;
        return { text: JSON.stringify(copy), expect: 'invalid' };
      });
    const flipByte = fc.tuple(eitherFile, fc.nat(), fc.integer({ min: 32, max: 126 })).map(([f, at, code]): Mutation => {
      const source = f === file ? text : textV1;
      const i = at % source.length;
      return { text: source.slice(0, i) + String.fromCharCode(code) + source.slice(i + 1), expect: 'any' };
    });
    const anything = fc.jsonValue().map((value): Mutation => ({ text: JSON.stringify(value), expect: 'foreign' }));
    const mutation = fc.oneof(
      truncate,
      foreignFormat,
      otherVersion,
      swappedVersion,
      dropSampleKey,
      wrongType,
      dropColumn,
      wrongColumn,
      breakChangeList,
      wrongCount,
      brokenFrame,
      flipByte,
      anything,
    );
    fc.assert(
      fc.property(mutation, (m) => {
        const parsed = parseRecording(m.text);
        if (m.expect === 'any') {
          if (!parsed.ok) expect(parsed.problem.message.length).toBeGreaterThan(10);
          return;
        }
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.problem.kind).toBe(m.expect);
        if (!parsed.ok) expect(parsed.problem.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 1000, seed: FUZZ_SEED },
    );
  });

  it('refuses a file over the limit before parsing it', () => {
    const parsed = parseRecording('{}', RECORDING_MAX_BYTES + 1);
    expect(parsed.ok ? null : parsed.problem).toEqual({
      kind: 'too-large',
      message: 'the file is 64 MB; a recording may be at most 64 MB',
    });
  });
});
