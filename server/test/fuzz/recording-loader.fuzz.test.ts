import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toHistorySample } from '@poolscope/shared/history';
import { parseRecording, RecordingBuilder, RECORDING_MAX_BYTES, type Recording } from '@poolscope/shared/recording';
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
  let text: string;
  beforeAll(async () => {
    t = await startTestLab({ sampleHz: 20 });
    t.lab.patchConfig({ pool: { maxOpen: 3 } });
    valid = await recordRealLab(t);
    text = JSON.stringify(valid);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads back what it wrote, frames at most once a second and every snapshot a sample', () => {
    const parsed = parseRecording(text);
    expect(parsed.ok).toBe(true);
    expect(valid.samples).toHaveLength(20);
    expect(valid.frames.length).toBeLessThanOrEqual(2);
    expect(valid.markers.some((m) => m.label.includes('maxOpen'))).toBe(true);
  });

  it('never throws on 1,000 damaged files, and says why each damaged one cannot be read', () => {
    // Each mutation carries the verdict an independent rule predicts, not what the loader says.
    type Mutation = { text: string; expect: 'not-json' | 'foreign' | 'version' | 'invalid' | 'any' };
    const truncate = fc.integer({ min: 1, max: text.length - 1 }).map((at): Mutation => ({ text: text.slice(0, at), expect: 'not-json' }));
    const foreignFormat = fc
      .string()
      .filter((s) => s !== 'poolscope-recording')
      .map((format): Mutation => ({ text: JSON.stringify({ ...valid, format }), expect: 'foreign' }));
    const otherVersion = fc
      .oneof(fc.integer(), fc.string(), fc.constant(null))
      .filter((v) => v !== 1)
      .map((version): Mutation => ({ text: JSON.stringify({ ...valid, version }), expect: 'version' }));
    const sampleKeys = Object.keys(valid.samples[0]!);
    const dropSampleKey = fc
      .tuple(fc.integer({ min: 0, max: valid.samples.length - 1 }), fc.constantFrom(...sampleKeys))
      .map(([index, key]): Mutation => {
        const copy = structuredClone(valid) as unknown as { samples: Record<string, unknown>[] };
        delete copy.samples[index]![key];
        return { text: JSON.stringify(copy), expect: 'invalid' };
      });
    const wrongType = fc
      .tuple(
        fc.integer({ min: 0, max: valid.samples.length - 1 }),
        fc.constantFrom('t', 'seq', 'pool', 'latency'),
        fc.oneof(fc.string(), fc.constant(null), fc.boolean()),
      )
      .map(([index, key, value]): Mutation => {
        const copy = structuredClone(valid) as unknown as { samples: Record<string, unknown>[] };
        copy.samples[index]![key] = value;
        return { text: JSON.stringify(copy), expect: 'invalid' };
      });
    const flipByte = fc
      .tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 32, max: 126 }))
      .map(([at, code]): Mutation => ({ text: text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1), expect: 'any' }));
    const anything = fc.jsonValue().map((value): Mutation => ({ text: JSON.stringify(value), expect: 'foreign' }));
    const mutation = fc.oneof(truncate, foreignFormat, otherVersion, dropSampleKey, wrongType, flipByte, anything);
    fc.assert(
      fc.property(mutation, (m) => {
        const parsed = parseRecording(m.text);
        if (m.expect === 'any') {
          if (!parsed.ok) expect(parsed.problem.message.length).toBeGreaterThan(10);
          return;
        }
        expect(parsed.ok).toBe(false);
        if (!parsed.ok) expect(parsed.problem.kind).toBe(m.expect);
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
