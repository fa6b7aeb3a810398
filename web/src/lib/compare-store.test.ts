import { describe, expect, it } from 'vitest';
import { toHistorySample } from '@poolscope/shared/history';
import { makeComparingSnapshot } from '../test-support/compare-fixtures';
import { makeSnapshot } from '../test-support/fixtures';
import { CompareStore, createCompareStore } from './compare-store';

describe('CompareStore', () => {
  it("keeps arm B's numbers from each comparing snapshot and forgets the comparison when it stops", () => {
    const store = new CompareStore();
    let heard = 0;
    store.subscribe(() => {
      heard += 1;
    });
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    expect(store.running).toBe(false);
    expect(heard).toBe(0); // no comparison before or after: nothing to tell
    store.ingestSnapshot(makeComparingSnapshot({ seq: 2, t: 1100 }, 7));
    store.ingestSnapshot(makeComparingSnapshot({ seq: 3, t: 1200 }, 9));
    expect(store.running).toBe(true);
    expect(store.samples.toArray().map((s) => [s.t, s.pool.open])).toEqual([
      [1100, 7],
      [1200, 9],
    ]);
    expect(store.compare?.diff[0]?.label).toMatch(/^B: maxOpen 4/);
    const summary = store.summary;
    store.ingestSnapshot(makeComparingSnapshot({ seq: 3, t: 1250 }, 9));
    expect(store.summary).toBe(summary); // the same rows again: the table need not redraw
    store.ingestSnapshot(makeSnapshot({ seq: 4, t: 1300 }));
    expect(store.running).toBe(false);
    expect(store.samples.length).toBe(3); // B's past stays drawn where it happened
    expect(heard).toBe(4);
  });

  it("tracks arm B's connection lifetimes apart from A's, with close reasons from B's recently closed list", () => {
    const store = new CompareStore();
    store.ingestSnapshot(makeComparingSnapshot({ seq: 1, t: 10_000 }));
    const lives = store.lifetimes.recent(10_000);
    expect(lives.map((l) => l.id).sort()).toEqual([1, 2, 3, 4, 9]);
    expect(lives.find((l) => l.id === 9)?.reason).toBe('health-check');
  });

  it("fills B's past from the history samples that carry `b`, and only those", () => {
    const store = new CompareStore();
    const samples = [1000, 2000, 3000].map((t) =>
      toHistorySample(t === 1000 ? makeSnapshot({ seq: 1, t }) : makeComparingSnapshot({ seq: t / 1000, t }, t / 100)),
    );
    store.ingestHistory({ intervalMs: 1000, spanMs: 900_000, samples, markers: [] });
    expect(store.samples.toArray().map((s) => [s.t, s.pool.open])).toEqual([
      [2000, 20],
      [3000, 30],
    ]);
  });

  it('starts over when the lab restarts (time goes back)', () => {
    const store = new CompareStore();
    store.ingestSnapshot(makeComparingSnapshot({ seq: 5, t: 5000 }));
    store.ingestSnapshot(makeComparingSnapshot({ seq: 1, t: 100 }));
    expect(store.samples.toArray().map((s) => s.t)).toEqual([100]);
  });
});

describe('CompareStore, from outside', () => {
  it('cannot be written except through its methods (the getters throw; tsc refuses each line)', () => {
    const store = createCompareStore();
    store.ingestSnapshot(makeComparingSnapshot({ seq: 1, t: 1000 }));
    expect(() => {
      // @ts-expect-error the comparison arrives with snapshots only
      store.compare = null;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error arm B's config changes through ingestSnapshot and setState
      store.configB = null;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error the view freezes with the live store's pause, not by hand
      store.view = null;
    }).toThrow(TypeError);
    const writes = [
      // @ts-expect-error no push on arm B's sample buffer
      () => store.samples.push(store.samples.at(0)!),
      // @ts-expect-error the summary rows are a ReadonlyArray
      () => store.summary?.pop(),
      // @ts-expect-error so are the knob diffs
      () => store.diff?.pop(),
    ];
    expect(writes).toHaveLength(3); // not run: tsc is what fails if one compiles
    expect([store.running, store.configB !== null, store.view !== null, store.samples.length]).toEqual([true, true, true, 1]);
  });
});
