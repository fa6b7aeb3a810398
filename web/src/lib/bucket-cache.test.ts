import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';
import { bucketize, type SeriesSpec } from './downsample';
import { BucketCache } from './bucket-cache';

interface S {
  t: number;
  v: number;
}
const specs: SeriesSpec<S>[] = [
  { key: 'mean', get: (s) => s.v, agg: 'mean' },
  { key: 'max', get: (s) => s.v, agg: 'max' },
  { key: 'last', get: (s) => s.v, agg: 'last' },
];

/** A stream with the roughness of a real one: jittered periods, a missed tick now and then, a value that is not finite. */
function* stream(startMs = 0): Generator<S> {
  let t = startMs;
  for (let i = 0; ; i += 1) {
    t += i % 17 === 0 ? 250 : 90 + ((i * 7) % 21);
    yield { t, v: i % 23 === 0 ? Number.NaN : (i * 37) % 11 };
  }
}

describe('BucketCache', () => {
  it('draws the same points as bucketize while the window slides, the ring drops old samples, and the view pauses', () => {
    const ring = new RingBuffer<S>(400);
    const cache = new BucketCache<S>();
    const samples = stream();
    const windowMs = 30_000;
    let pausedAt: number | null = null;
    for (let step = 0; step < 1500; step += 1) {
      ring.push(samples.next().value as S);
      if (step === 700) pausedAt = (ring.last() as S).t;
      if (step === 760) pausedAt = null;
      const to = pausedAt ?? (ring.last() as S).t;
      // 30 s at 20 points: 1.5 s buckets; the ring holds ~40 s, so its front is dropped from step ~400 on.
      expect(cache.points(ring, to - windowMs, to, specs, 20), `step ${step}`).toEqual(bucketize(ring, to - windowMs, to, specs, 20));
    }
  });

  it('starts afresh when the ring is cleared and refilled, the series change or the window changes', () => {
    const ring = new RingBuffer<S>(2000);
    const cache = new BucketCache<S>();
    const samples = stream();
    for (let i = 0; i < 1000; i += 1) ring.push(samples.next().value as S);
    const to = (ring.last() as S).t;
    cache.points(ring, to - 60_000, to, specs, 30);
    // History arrived: the same span, other values.
    const refilled = ring.toArray().map((s) => ({ t: s.t, v: s.v + 100 }));
    ring.clear();
    for (const s of refilled) ring.push(s);
    expect(cache.points(ring, to - 60_000, to, specs, 30)).toEqual(bucketize(ring, to - 60_000, to, specs, 30));
    const doubled: SeriesSpec<S>[] = [{ key: 'mean', get: (s) => s.v * 2, agg: 'mean' }];
    expect(cache.points(ring, to - 60_000, to, doubled, 30)).toEqual(bucketize(ring, to - 60_000, to, doubled, 30));
    expect(cache.points(ring, to - 20_000, to, specs, 30)).toEqual(bucketize(ring, to - 20_000, to, specs, 30));
    expect(cache.points(ring, to - 60_000, to, specs, 30)).toEqual(bucketize(ring, to - 60_000, to, specs, 30));
  });

  it('reads only the samples near the window edges once the window is full (a 15-minute window at 10 Hz)', () => {
    const ring = new RingBuffer<S>(9000);
    let reads = 0;
    const counted: SeriesSpec<S>[] = [
      {
        key: 'v',
        get: (s) => {
          reads += 1;
          return s.v;
        },
        agg: 'mean',
      },
    ];
    const cache = new BucketCache<S>();
    let t = 0;
    const push = () => ring.push({ t: (t += 100), v: t % 7 });
    for (let i = 0; i < 9000; i += 1) push();
    cache.points(ring, t - 900_000, t, counted);
    expect(reads).toBeGreaterThanOrEqual(9000);
    for (let redraw = 0; redraw < 20; redraw += 1) {
      for (let i = 0; i < 5; i += 1) push(); // half a second of samples between two turns of a chart
      reads = 0;
      const points = cache.points(ring, t - 900_000, t, counted);
      // 6-second buckets (60 samples): the two partial edge buckets and one newly whole one, not 9,000.
      expect(reads).toBeLessThanOrEqual(3 * 60);
      expect(points).toEqual(bucketize(ring, t - 900_000, t, counted));
    }
  });
  it('reuses the points of whole buckets when a seek refills the ring with the same samples, and folds afresh for other ones', () => {
    const recorded: S[] = [];
    const samples = stream();
    for (let i = 0; i < 20_000; i += 1) recorded.push(samples.next().value as S);
    let reads = 0;
    const counted: SeriesSpec<S>[] = specs.map((spec) => ({
      ...spec,
      get: (s: S) => {
        reads += 1;
        return spec.get(s);
      },
    }));
    const ring = new RingBuffer<S>(9000);
    const cache = new BucketCache<S>();
    const seek = (last: number, source: S[] = recorded) => {
      ring.clear();
      for (const s of source.slice(Math.max(0, last - 9000), last)) ring.push(s);
      const to = (ring.last() as S).t;
      reads = 0;
      const points = cache.points(ring, to - 900_000, to, counted);
      const readsBySeek = reads;
      expect(points).toEqual(bucketize(ring, to - 900_000, to, specs));
      return readsBySeek;
    };
    // First visits fold everything: the ~6,000 samples of 900 s of this stream × 3 series.
    expect(seek(12_000)).toBeGreaterThan(15_000);
    expect(seek(18_000)).toBeGreaterThan(15_000);
    // Back where it was, and a little after: only the edge buckets are folded again.
    expect(seek(12_000)).toBeLessThan(3 * 300);
    expect(seek(12_050)).toBeLessThan(3 * 300);
    // The same times with other sample objects (a new live history) are folded, not taken from the memo.
    const other = recorded.map((s) => ({ t: s.t, v: s.v + 1 }));
    expect(seek(12_000, other)).toBeGreaterThan(15_000);
  });
});
