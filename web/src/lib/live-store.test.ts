import { describe, expect, it, vi } from 'vitest';
import { createLiveStore, LiveStore, LOW_PRIORITY_MIN_GAP_MS, toSample } from './live-store';
import { toHistorySample } from '@poolscope/shared/history';
import { makeSnapshot } from '../test-support/fixtures';

describe('LiveStore', () => {
  it('records every snapshot but freezes the view while paused', () => {
    const store = new LiveStore();
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    store.setPaused(true);
    store.ingestSnapshot(makeSnapshot({ seq: 2, t: 1100 }));
    expect(store.samples.length).toBe(2);
    expect(store.view?.seq).toBe(1);
    store.setPaused(false);
    expect(store.view?.seq).toBe(2);
  });

  it('fills the time before the page opened from the server history, with its markers, and redraws every chart', () => {
    const store = new LiveStore();
    store.charts.register('a');
    store.ingestSnapshot(makeSnapshot({ seq: 50, t: 5000, markers: [{ id: 3, t: 4900, kind: 'config', label: 'maxOpen 10 -> 8' }] }));
    const versionBefore = store.charts.version('a');
    const history = {
      intervalMs: 1000,
      spanMs: 900_000,
      samples: [1000, 2000, 3000, 4000, 5000].map((t) => toHistorySample(makeSnapshot({ seq: t / 100, t }))),
      markers: [
        { id: 2, t: 2500, kind: 'fault' as const, label: 't1: down' },
        { id: 3, t: 4900, kind: 'config' as const, label: 'maxOpen 10 -> 8' },
      ],
    };
    store.ingestHistory(history);
    expect(store.samples.toArray().map((s) => s.t)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(store.samples.last()?.seq).toBe(50);
    expect(store.markers.map((m) => m.id)).toEqual([2, 3]);
    expect(store.charts.version('a')).toBeGreaterThan(versionBefore);
    store.ingestSnapshot(makeSnapshot({ seq: 51, t: 5100 }));
    expect(store.samples.last()?.t).toBe(5100);
  });

  it('draws a chart scrolled out of view once when data first arrives and once with the history, not on every tick', () => {
    const store = new LiveStore();
    let hiddenRenders = 0;
    store.charts.subscribe('hidden', () => {
      hiddenRenders += 1;
    });
    store.charts.register('shown');
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    expect(hiddenRenders).toBe(1);
    for (let i = 0; i < 10; i += 1) store.ingestSnapshot(makeSnapshot({ seq: 2 + i, t: 1600 + i * 600 }));
    expect(hiddenRenders).toBe(1);
    store.ingestHistory({ intervalMs: 1000, spanMs: 900_000, samples: [toHistorySample(makeSnapshot({ seq: 0, t: 0 }))], markers: [] });
    expect(hiddenRenders).toBe(2);
    store.setWindow(300_000);
    expect(hiddenRenders).toBe(2);
  });

  it('a seek (restore) redraws the charts on screen at once and those out of view once, when the browser is idle', () => {
    vi.useFakeTimers();
    try {
      const store = new LiveStore();
      const renders = { shown: 0, hidden: 0 };
      store.charts.register('shown');
      store.charts.subscribe('shown', () => (renders.shown += 1));
      store.charts.subscribe('hidden', () => (renders.hidden += 1));
      const at = (t: number) => ({
        samples: [toSample(makeSnapshot({ seq: t / 100 - 1, t: t - 100 }))],
        events: [],
        markers: [],
        snapshot: makeSnapshot({ seq: t / 100, t }),
      });
      store.restore(at(5000));
      expect(renders).toEqual({ shown: 1, hidden: 0 });
      store.restore(at(9000)); // a second seek before the browser was idle: still one refresh to come
      expect(renders).toEqual({ shown: 2, hidden: 0 });
      vi.runAllTimers();
      expect(renders).toEqual({ shown: 2, hidden: 1 });
      expect(store.latest?.t).toBe(9000);
      store.restore(at(7000));
      vi.runAllTimers();
      expect(renders).toEqual({ shown: 3, hidden: 2 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('refreshes one registered chart per tick, in turn', () => {
    const store = new LiveStore();
    store.charts.register('a');
    store.charts.register('b');
    store.charts.register('c');
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 })); // first snapshot refreshes all
    const before = ['a', 'b', 'c'].map((id) => store.charts.version(id));
    store.ingestSnapshot(makeSnapshot({ seq: 2, t: 1600 }));
    const after = ['a', 'b', 'c'].map((id) => store.charts.version(id));
    const changed = after.filter((v, i) => v !== before[i]);
    expect(changed).toHaveLength(1);
    for (let i = 0; i < 3; i += 1) store.ingestSnapshot(makeSnapshot({ seq: 3 + i, t: 2200 + i * 600 }));
    const later = ['a', 'b', 'c'].map((id) => store.charts.version(id));
    expect(later.map((v, i) => v - (after[i] ?? 0))).toEqual([1, 1, 1]);
  });

  it('refreshes a chart at most every 500 ms even when it is the only one on screen', () => {
    const store = new LiveStore();
    store.charts.register('only');
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    const start = store.charts.version('only');
    for (let i = 1; i <= 10; i += 1) store.ingestSnapshot(makeSnapshot({ seq: 1 + i, t: 1000 + i * 100 }));
    expect(store.charts.version('only') - start).toBe(2); // at t = 1500 and t = 2000
  });

  it('gives the turn of a chart with nothing new to draw to the next one, but still redraws it when forced', () => {
    const store = new LiveStore();
    let news = false;
    store.charts.register('still', () => news);
    store.charts.register('moving');
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    const still = store.charts.version('still');
    const moving = store.charts.version('moving');
    for (let i = 1; i <= 20; i += 1) store.ingestSnapshot(makeSnapshot({ seq: 1 + i, t: 1000 + i * 100 }));
    expect(store.charts.version('still')).toBe(still);
    expect(store.charts.version('moving') - moving).toBe(4); // every 500 ms, no turn wasted on 'still'
    news = true;
    store.ingestSnapshot(makeSnapshot({ seq: 30, t: 3600 }));
    store.ingestSnapshot(makeSnapshot({ seq: 31, t: 3700 }));
    expect(store.charts.version('still')).toBe(still + 1);
    news = false;
    store.setWindow(300_000);
    expect(store.charts.version('still')).toBe(still + 2);
  });

  it('keeps the config object while the lab config is unchanged', () => {
    const store = new LiveStore();
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    const config = store.config;
    store.ingestSnapshot(makeSnapshot({ seq: 2, t: 1100 }));
    expect(store.config).toBe(config);
    const changed = makeSnapshot({ seq: 3, t: 1200 });
    changed.config.pool.maxOpen = 3;
    store.ingestSnapshot(changed);
    expect(store.config?.pool.maxOpen).toBe(3);
  });

  it('starts a fresh recording when the lab restarts (time goes backwards)', () => {
    const store = new LiveStore();
    store.ingestSnapshot(makeSnapshot({ seq: 10, t: 5000 }));
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 100 }));
    expect(store.samples.length).toBe(1);
  });

  it('starts a fresh recording, markers included, when the lab restarts later in time (seq starts again)', () => {
    const store = new LiveStore();
    store.ingestSnapshot(makeSnapshot({ seq: 900, t: 5000, markers: [{ id: 1, t: 4000, kind: 'config', label: 'old lab' }] }));
    store.ingestSnapshot(makeSnapshot({ seq: 2, t: 9000, markers: [{ id: 1, t: 8900, kind: 'scenario', label: 'new lab' }] }));
    expect(store.samples.toArray().map((s) => s.seq)).toEqual([2]);
    expect(store.markers.map((m) => m.label)).toEqual(['new lab']);
  });

  it('stores the wait histogram as counts and shares unchanged bounds between samples', () => {
    const store = new LiveStore();
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    store.ingestSnapshot(makeSnapshot({ seq: 2, t: 1100 }));
    const [a, b] = store.samples.toArray();
    expect(a?.waitCounts).toEqual([8, 2]);
    expect(a?.waitBounds).toEqual([1, 10]);
    expect(b?.waitBounds).toBe(a?.waitBounds);
  });

  it('accumulates markers by id without duplicates', () => {
    const store = new LiveStore();
    const a = makeSnapshot({ seq: 1, t: 1000 });
    a.markers = [{ id: 1, t: 900, kind: 'config', label: 'maxOpen 10 → 5' }];
    store.ingestSnapshot(a);
    const b = makeSnapshot({ seq: 2, t: 1100 });
    b.markers = [
      { id: 1, t: 900, kind: 'config', label: 'maxOpen 10 → 5' },
      { id: 2, t: 1050, kind: 'fault', label: 't1 down' },
    ];
    store.ingestSnapshot(b);
    expect(store.markers.map((m) => m.id)).toEqual([1, 2]);
  });
});

describe('LiveStore, from outside', () => {
  it('cannot be written except through its methods: every field is a getter, every list read-only', () => {
    const store = createLiveStore();
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000, markers: [{ id: 1, t: 900, kind: 'config', label: 'maxOpen 10 → 5' }] }));
    expect(() => {
      // @ts-expect-error the view changes only through ingestSnapshot and setPaused
      store.view = null;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error pausing goes through setPaused, which also moves the charts
      store.paused = true;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error markers arrive with snapshots and history
      store.markers = [];
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error the buffers are the store's own
      store.samples = createLiveStore().samples;
    }).toThrow(TypeError);
    expect([store.view?.seq, store.paused, store.markers.length]).toEqual([1, false, 1]);
  });

  it('hands out its lists and buffers read-only (checked by tsc: each line below must not compile)', () => {
    const store = createLiveStore();
    const sample = toSample(makeSnapshot({ seq: 1, t: 1000 }));
    const writes = [
      // @ts-expect-error no push on the store's sample buffer
      () => store.samples.push(sample),
      // @ts-expect-error no clear on the store's event buffer
      () => store.events.clear(),
      // @ts-expect-error the marker list is a ReadonlyArray
      () => store.markers.push({ id: 2, t: 1000, kind: 'fault', label: 'x' }),
      // @ts-expect-error connection lifetimes are observed by the store only
      () => store.lifetimes.clear(),
      // @ts-expect-error only the store moves the chart turn on
      () => store.charts.advance(1000),
    ];
    // Not run: they would write through the type. tsc (npm run typecheck) is what fails if one compiles.
    expect(writes).toHaveLength(5);
    expect(store.samples.length).toBe(0);
  });
});

describe('low-priority panels', () => {
  it('hear of changes after the next paint, once for many changes, the stream at most every LOW_PRIORITY_MIN_GAP_MS, in the app', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'performance'] });
    try {
      const store = createLiveStore('after-paint');
      const headline = vi.fn();
      const lower = vi.fn();
      store.subscribe(headline);
      store.subscribeLowPriority(lower);
      store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
      store.ingestSnapshot(makeSnapshot({ seq: 2, t: 1100 }));
      expect(headline).toHaveBeenCalledTimes(2);
      expect(lower).not.toHaveBeenCalled();
      vi.advanceTimersToNextFrame(); // the frame: painted, the task after it queued
      expect(lower).not.toHaveBeenCalled();
      vi.runOnlyPendingTimers();
      expect(lower).toHaveBeenCalledTimes(1);
      // The next snapshots wait out the gap, then come after a paint, as one.
      store.ingestSnapshot(makeSnapshot({ seq: 3, t: 1200 }));
      store.ingestSnapshot(makeSnapshot({ seq: 4, t: 1300 }));
      vi.advanceTimersByTime(LOW_PRIORITY_MIN_GAP_MS - 50);
      vi.advanceTimersToNextFrame();
      vi.runOnlyPendingTimers();
      expect(lower).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(50);
      vi.advanceTimersToNextFrame();
      vi.runOnlyPendingTimers();
      expect(lower).toHaveBeenCalledTimes(2);
      // A person's change (a seek) does not wait for the gap: the next paint.
      store.setWindow(60_000);
      vi.advanceTimersToNextFrame();
      vi.runOnlyPendingTimers();
      expect(lower).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('hear of changes with the rest where the store is made for tests', () => {
    const store = createLiveStore();
    const lower = vi.fn();
    store.subscribeLowPriority(lower);
    store.ingestSnapshot(makeSnapshot({ seq: 1, t: 1000 }));
    expect(lower).toHaveBeenCalledTimes(1);
  });
});
