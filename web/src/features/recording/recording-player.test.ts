import { afterEach, describe, expect, it, vi } from 'vitest';
import { toHistorySample } from '@poolscope/shared/history';
import { parseRecording, RecordingBuilder, serializeRecording, type Recording } from '@poolscope/shared/recording';
import type { Marker } from '@poolscope/shared/snapshot';
import { LiveStore } from '../../lib/live-store';
import { createCompareStore } from '../../lib/compare-store';
import { makeComparingSnapshot } from '../../test-support/compare-fixtures';
import { makeSnapshot } from '../../test-support/fixtures';
import { RecordingPlayer } from './recording-player';
import { recordingFromUrl } from './recording-from-url';

const T0 = 1_700_000_000_000;

/** As a player gets it: written to a file (the current format) and read back, samples built as they are read. */
function throughFile(recording: Recording): Recording {
  const parsed = parseRecording(serializeRecording(recording));
  if (!parsed.ok) throw new Error(parsed.problem.message);
  return parsed.recording;
}

/** 60 s at 10 Hz, pool.open counting the seconds, a marker at 20 s and 40 s, a lesson step from 30 s. */
function sixtySeconds(): Recording {
  const builder = new RecordingBuilder(toHistorySample);
  const markers: Marker[] = [];
  for (let i = 0; i < 600; i++) {
    const t = T0 + i * 100;
    if (i === 200) markers.push({ id: 1, t, kind: 'config', label: 'maxOpen 4' });
    if (i === 400) markers.push({ id: 2, t, kind: 'fault', label: 't1: down' });
    const snapshot = makeSnapshot({ seq: i + 1, t, markers: [...markers], lesson: i >= 300 ? { id: 'why-pools', step: 2 } : null });
    snapshot.pool = { ...snapshot.pool, open: Math.floor(i / 10) };
    builder.addSnapshot(snapshot);
    if (i === 250) builder.addEvents([{ t, type: 'scenario-applied', scenarioId: 'x', title: 'X' }]);
  }
  return throughFile(builder.build(new Date(T0))!);
}

afterEach(() => vi.useRealTimers());

describe('RecordingPlayer', () => {
  it('a seek shows the recording at that instant: the window before it, the frame in force, the markers seen', () => {
    const store = new LiveStore();
    const player = new RecordingPlayer(sixtySeconds(), { live: store });
    player.seek(T0 + 35_000);
    expect(store.latest?.t).toBe(T0 + 35_000);
    expect(store.latest?.pool.open).toBe(35);
    expect(store.latest?.lesson).toEqual({ id: 'why-pools', step: 2 });
    expect(store.samples.toArray().at(0)?.t).toBe(T0);
    expect(store.markers.map((m) => m.id)).toEqual([1]);
    expect(store.events.toArray().map((e) => e.type)).toEqual(['scenario-applied']);
    player.seek(T0 + 10_000);
    expect(store.latest?.pool.open).toBe(10);
    expect(store.latest?.lesson).toBeNull();
    expect(store.events.toArray()).toEqual([]);
  });

  it("builds every sample's parts in idle time after an open, both arms, and stops when disposed", () => {
    vi.useFakeTimers();
    const read = new Set<number>();
    const base = sixtySeconds();
    // Each sample's latency group, counted where the player reads it.
    const counted = (recording: Recording): Recording => ({
      ...recording,
      samples: recording.samples.map(
        (sample, i) =>
          new Proxy(sample, {
            get: (target, key) => {
              if (key === 'latency') read.add(i);
              return Reflect.get(target, key, target) as unknown;
            },
          }),
      ),
    });
    const player = new RecordingPlayer(counted(base), { live: new LiveStore() });
    player.seek(T0 + 5_000);
    const readBySeek = read.size;
    expect(readBySeek).toBeLessThan(600);
    player.buildInIdleTime();
    vi.runAllTimers();
    expect(read.size).toBe(600);
    player.dispose();

    read.clear();
    const stopped = new RecordingPlayer(counted(base), { live: new LiveStore() });
    stopped.buildInIdleTime();
    stopped.dispose();
    vi.runAllTimers();
    expect(read.size).toBe(0);
  });

  it('plays at the chosen speed: 4x shows 4 s of recording per real second, then stops at the end', () => {
    vi.useFakeTimers();
    const store = new LiveStore();
    const player = new RecordingPlayer(sixtySeconds(), { live: store });
    player.seek(T0);
    player.setSpeed(4);
    player.play();
    vi.advanceTimersByTime(1000);
    expect(store.latest?.t).toBe(T0 + 4000);
    expect(player.state().playing).toBe(true);
    vi.advanceTimersByTime(20_000);
    expect(store.latest?.t).toBe(T0 + 59_900);
    expect(player.state().playing).toBe(false);
  });

  it('plays a format 1 file (every sample whole) as it plays the current format', () => {
    const current = sixtySeconds();
    const v1 = parseRecording(JSON.stringify({ ...JSON.parse(JSON.stringify(current)), version: 1 }));
    if (!v1.ok) throw new Error(v1.problem.message);
    expect(v1.recording.version).toBe(1);
    const [a, b] = [new LiveStore(), new LiveStore()];
    new RecordingPlayer(current, { live: a }).seek(T0 + 35_000);
    new RecordingPlayer(v1.recording, { live: b }).seek(T0 + 35_000);
    expect(b.latest?.pool.open).toBe(35);
    expect(b.samples.toArray().map((s) => [s.t, s.pool.open, s.waitCounts])).toEqual(
      a.samples.toArray().map((s) => [s.t, s.pool.open, s.waitCounts]),
    );
    expect(b.latest?.lesson).toEqual(a.latest?.lesson);
  });

  it('a seek redraws each chart once, and a seek back in time forgets what came after', () => {
    const store = new LiveStore();
    const player = new RecordingPlayer(sixtySeconds(), { live: store });
    const redraws = vi.fn();
    store.charts.register('chart');
    store.charts.subscribe('chart', redraws);
    player.seek(T0 + 50_000);
    expect(redraws).toHaveBeenCalledTimes(1);
    expect(store.samples.length).toBe(501);
    player.seek(T0 + 5_000);
    expect(store.samples.toArray().map((s) => s.t)).toEqual(Array.from({ length: 51 }, (_, i) => T0 + i * 100));
    expect(store.markers).toEqual([]);
  });

  it('jumps to the next marker, and says when there is none', () => {
    const store = new LiveStore();
    const player = new RecordingPlayer(sixtySeconds(), { live: store });
    player.seek(T0);
    expect(player.nextMarker()).toBe(true);
    expect(store.latest?.t).toBe(T0 + 20_000);
    expect(player.nextMarker()).toBe(true);
    expect(store.latest?.t).toBe(T0 + 40_000);
    expect(player.nextMarker()).toBe(false);
  });
});

/** 20 s at 10 Hz, a comparison from 5 s to 15 s whose arm B has `open` = 100 + the tenth of a second. */
function withComparison(): Recording {
  const builder = new RecordingBuilder(toHistorySample);
  for (let i = 0; i < 200; i++) {
    const t = T0 + i * 100;
    const snapshot = i >= 50 && i < 150 ? makeComparingSnapshot({ seq: i + 1, t }, 100 + i) : makeSnapshot({ seq: i + 1, t });
    builder.addSnapshot(snapshot);
  }
  return throughFile(builder.build(new Date(T0))!);
}

describe('RecordingPlayer with a comparison', () => {
  it("replays arm B beside A at the recording's 10 Hz: B's samples, its numbers at the instant, none once it stopped", () => {
    const live = new LiveStore();
    const compare = createCompareStore();
    const player = new RecordingPlayer(withComparison(), { live, compare });
    player.seek(T0 + 10_000);
    expect(compare.running).toBe(true);
    // B's numbers at the sample's instant, not those of the frame a second before.
    expect(compare.view?.b.pool.open).toBe(200);
    expect(compare.samples.toArray().map((s) => s.pool.open)).toEqual(Array.from({ length: 51 }, (_, i) => 150 + i));
    player.advance(300);
    expect(compare.view?.b.pool.open).toBe(203);
    player.seek(T0 + 17_000);
    expect(compare.running).toBe(false);
    player.seek(T0 + 2_000);
    expect(compare.running).toBe(false);
    expect(compare.samples.length).toBe(0);
  });
});

describe('?recording=<url>', () => {
  const fetchText = vi.fn(async () => ({ ok: true as const, text: serializeRecording(sixtySeconds()) }));

  it('opens a recording from the same origin', async () => {
    const parsed = await recordingFromUrl('?recording=/rec.json', 'http://127.0.0.1:3000', fetchText);
    expect(parsed?.ok).toBe(true);
    expect(fetchText).toHaveBeenCalledWith('http://127.0.0.1:3000/rec.json');
  });

  it('refuses another origin without fetching, and explains a missing file', async () => {
    fetchText.mockClear();
    const foreign = await recordingFromUrl('?recording=https://evil.example/r.json', 'http://127.0.0.1:3000', fetchText);
    expect(foreign?.ok).toBe(false);
    expect(fetchText).not.toHaveBeenCalled();
    const missing = await recordingFromUrl('?recording=/nope.json', 'http://127.0.0.1:3000', async () => ({
      ok: false,
      reason: 'http',
      status: 404,
    }));
    expect(missing?.ok ? null : missing?.problem.message).toBe('/nope.json answered HTTP 404');
    const dropped = await recordingFromUrl('?recording=/r.json', 'http://127.0.0.1:3000', async () => ({
      ok: false,
      reason: 'failed',
      message: 'Failed to fetch',
    }));
    expect(dropped?.ok ? null : dropped?.problem.message).toBe('/r.json could not be fetched: Failed to fetch');
    expect(await recordingFromUrl('?other=1', 'http://127.0.0.1:3000', fetchText)).toBeNull();
  });
});
