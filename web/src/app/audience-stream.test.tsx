import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { act } from '@testing-library/react';
import type { AudienceFrame } from '@poolscope/shared/audience-stream';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { audienceStreamQuery } from '../lib/audience-stream';
import { AudienceDecoder } from '../lib/audience-decoder';
import { makeSnapshot } from '../test-support/fixtures';
import { makeComparingSnapshot } from '../test-support/compare-fixtures';
import { renderWithStores } from '../test-support/render-with-stores';
import { ReadOnlyContext } from '../lib/read-only';
import { Audience } from './audience';
import { PANELS } from './panels';

const KEYFRAME_EVERY = 10;

/** A changing lab: numbers, connections, a marker, a comparison starting half way (the audience view shows all of them). */
function stream(count: number): Snapshot[] {
  return Array.from({ length: count }, (_, i) => {
    const seq = 100 + i;
    const t = 1_700_000_000_000 + i * 100;
    const base =
      i < count / 2
        ? makeSnapshot({ seq, t, scenarioId: 'baseline' })
        : makeComparingSnapshot({ seq, t, scenarioId: 'baseline' }, 3 + (i % 4));
    return {
      ...base,
      pool: { ...base.pool, open: 4 + (i % 3), waiting: i % 5, oldestWaitMs: i * 7 },
      latency: { ...base.latency, acquireWaitMs: { ...base.latency.acquireWaitMs, p99: 1 + i / 10 } },
      connections: base.connections.map((c) => ({ ...c, ageMs: c.ageMs + i * 100, uses: c.uses + i })),
      markers: i >= 8 ? [{ id: 1, t: 1_700_000_000_800, kind: 'config', label: 'maxOpen 4 → 6' }] : [],
    };
  });
}

/** The wire format the lab writes (docs/API.md "Audience stream"), with Node's zlib as the server uses it. */
function encode(snapshots: Snapshot[]): AudienceFrame[] {
  let keyframe: { seq: number; json: Buffer } | null = null;
  return snapshots.map((snapshot, i) => {
    const json = Buffer.from(JSON.stringify(snapshot));
    if (keyframe === null || i % KEYFRAME_EVERY === 0) {
      keyframe = { seq: snapshot.seq, json };
      return { seq: snapshot.seq, key: snapshot.seq, deflated: deflateRawSync(json) };
    }
    return { seq: snapshot.seq, key: keyframe.seq, deflated: deflateRawSync(json, { dictionary: keyframe.json }) };
  });
}

/** What the page renders and keeps after a stream, fed as live-connection.ts feeds it, with every panel a lesson step can focus. */
function renderAfter(snapshots: Snapshot[]) {
  const {
    container,
    unmount,
    live: liveStore,
    compare: compareStore,
  } = renderWithStores(
    <>
      <Audience />
      <ReadOnlyContext.Provider value={true}>
        {Object.values(PANELS).map((draw, i) => (
          <div key={i}>{draw()}</div>
        ))}
      </ReadOnlyContext.Provider>
    </>,
  );
  act(() => {
    for (const snapshot of snapshots) {
      compareStore.ingestSnapshot(snapshot, liveStore.paused);
      liveStore.ingestSnapshot(snapshot);
    }
  });
  // React's useId and Recharts' clip paths number each mount anew: the ids are not what the page shows.
  const html = container.innerHTML.replace(/_r_\w+_/g, '_id_').replace(/recharts\d+-clip/g, 'recharts-clip');
  const seen = { html, samples: liveStore.samples.toArray(), markers: liveStore.markers, latest: liveStore.latest };
  unmount();
  return seen;
}

/** What a full viewer receives: each snapshot through JSON, as Socket.IO carries it. */
const overTheWire = (snapshots: Snapshot[]) => snapshots.map((s) => JSON.parse(JSON.stringify(s)) as Snapshot);

describe('the audience stream in the browser', () => {
  it('is asked for by the audience page only', () => {
    expect(audienceStreamQuery('?audience=1')).toEqual({ stream: 'audience' });
    expect(audienceStreamQuery('?audience=1&lang=zh-CN')).toEqual({ stream: 'audience' });
    expect(audienceStreamQuery('')).toBeUndefined();
    expect(audienceStreamQuery('?token=x')).toBeUndefined();
  });

  it("renders from frames exactly what it renders from full snapshots: numbers, charts' samples, markers, comparison", () => {
    const snapshots = stream(35);
    const decoder = new AudienceDecoder();
    const decoded = encode(snapshots).map((frame) => decoder.decode(frame));
    expect(decoder.skipped).toBe(0);
    expect(decoded).toEqual(overTheWire(snapshots));
    const fromFull = renderAfter(overTheWire(snapshots));
    const fromFrames = renderAfter(decoded.filter((s): s is Snapshot => s !== null));
    expect(fromFull.html).toContain('data-testid="audience-scenario"');
    expect(fromFull.samples).toHaveLength(snapshots.length);
    expect(fromFrames).toEqual(fromFull);
  });

  it('skips frames whose keyframe it lost until the next keyframe, then shows the latest tick whole', () => {
    const snapshots = stream(25);
    const frames = encode(snapshots);
    const decoder = new AudienceDecoder();
    // The keyframe at index 10 is lost (a volatile frame dropped on a busy link).
    const decoded = frames.filter((_, i) => i !== 10).map((frame) => decoder.decode(frame));
    expect(decoder.skipped).toBe(KEYFRAME_EVERY - 1);
    expect(decoded.slice(0, 10).every((s) => s !== null)).toBe(true);
    expect(decoded.slice(10, 19).every((s) => s === null)).toBe(true);
    expect(decoded.at(-1)).toEqual(overTheWire(snapshots).at(-1));
    expect(decoder.decode({ seq: 999, key: 999, deflated: new Uint8Array([1, 2, 3]) })).toBeNull();
  });
});
