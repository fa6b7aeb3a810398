import { describe, expect, it } from 'vitest';
import { toSample } from '../../lib/live-store';
import { makeSnapshot } from '../../test-support/fixtures';
import { parseRecording, serializeRecording } from '@poolscope/shared/recording';
import { armsToCsv, buildSession, flatten, samplesToCsv } from './session-export';
import { makeComparingSnapshot } from '../../test-support/compare-fixtures';

describe('session export', () => {
  it('flattens nested numbers to dotted columns and skips arrays', () => {
    expect(flatten({ pool: { open: 3, idle: 1 }, list: [1, 2], name: 'x' })).toEqual({ 'pool.open': 3, 'pool.idle': 1, name: 'x' });
  });

  it('writes one CSV row per snapshot with time, seq and every numeric field', () => {
    const samples = [toSample(makeSnapshot({ seq: 1, t: 0 })), toSample(makeSnapshot({ seq: 2, t: 100 }))];
    const csv = samplesToCsv(samples);
    const [header, first, second, end] = csv.split('\n');
    const columns = header?.split(',') ?? [];
    expect(columns.slice(0, 3)).toEqual(['time', 't', 'seq']);
    expect(columns).toContain('pool.open');
    expect(columns).toContain('latency.acquireWaitMs.p99');
    expect(columns).toContain('rates.requests.ok');
    expect(first?.startsWith('1970-01-01T00:00:00.000Z,0,1,')).toBe(true);
    expect(second?.split(',')).toHaveLength(columns.length);
    expect(end).toBe('');
  });

  it('adds a column when a later snapshot has a new field (dial failure codes appear over time)', () => {
    const a = makeSnapshot({ seq: 1, t: 0 });
    const b = makeSnapshot({ seq: 2, t: 100 });
    b.totals.dialFailuresByCode = { ECONNREFUSED: 4 };
    const csv = samplesToCsv([toSample(a), toSample(b)]);
    const [header, first, second] = csv.split('\n');
    const index = header?.split(',').indexOf('totals.dialFailuresByCode.ECONNREFUSED') ?? -1;
    expect(index).toBeGreaterThan(0);
    expect(first?.split(',')[index]).toBe('');
    expect(second?.split(',')[index]).toBe('4');
  });

  it('exports a recording that the recording loader reads back, histogram and all', () => {
    const snapshot = makeSnapshot();
    const session = buildSession(
      [toSample(snapshot)],
      snapshot,
      [{ t: 1, type: 'scenario-applied', scenarioId: 'x', title: 'X' }],
      [],
      new Date(0),
    );
    const parsed = parseRecording(serializeRecording(session!));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.recording.samples[0]?.pool.open).toBe(4);
    expect(parsed.recording.version).toBe(2);
    expect(parsed.recording.samples[0]?.waitHistogram).toEqual(snapshot.waitHistogram);
    expect(parsed.recording.events).toHaveLength(1);
    expect(parsed.recording.frames[0]?.config).toEqual(snapshot.config);
  });

  it('exports nothing before the first snapshot', () => {
    expect(buildSession([], null, [], [])).toBeNull();
  });

  it('carries arm B beside A: its samples and the comparison in the recording, an arm column in CSV', () => {
    const comparing = makeComparingSnapshot();
    const a = [toSample(makeSnapshot({ seq: 1, t: 0 }))];
    const b = [toSample(makeSnapshot({ seq: 1, t: 0, pool: { ...makeSnapshot().pool, open: 9 } }))];
    const session = buildSession(a, comparing, [], [], new Date(0), b);
    const parsed = parseRecording(serializeRecording(session!));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    expect(parsed.recording.armB?.[0]?.pool.open).toBe(9);
    expect(parsed.recording.frames[0]?.compare?.diff[0]?.knob).toBe('maxOpen');
    const [header, rowA, rowB] = armsToCsv(a, b).split('\n');
    expect(header?.startsWith('arm,time,t,seq')).toBe(true);
    const open = header?.split(',').indexOf('pool.open') ?? -1;
    expect([rowA?.split(',')[0], rowA?.split(',')[open], rowB?.split(',')[0], rowB?.split(',')[open]]).toEqual(['a', '4', 'b', '9']);
    expect(buildSession(a, comparing, [], [], new Date(0))?.armB).toBeUndefined();
  });

  it('exports a replayed recording whole: its samples read their numbers through getters', async () => {
    const { replaySamplesA } = await import('../../lib/replay-samples');
    const snapshot = makeSnapshot({ seq: 1, t: 0 });
    const written = buildSession([toSample(snapshot)], snapshot, [], [], new Date(0));
    const read = parseRecording(serializeRecording(written!));
    if (!read.ok) throw new Error(read.problem.message);
    const replayed = replaySamplesA(read.recording.samples);
    expect(samplesToCsv(replayed)).toBe(samplesToCsv([toSample(snapshot)]));
    const again = parseRecording(serializeRecording(buildSession(replayed, snapshot, [], [], new Date(0))!));
    expect(again.ok && JSON.parse(JSON.stringify(again.recording.samples))).toEqual(JSON.parse(JSON.stringify(read.recording.samples)));
  });
});
