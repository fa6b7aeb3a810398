import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { Lab } from './lab';
import { SnapshotHistory } from './snapshot-history';

describe('SnapshotHistory', () => {
  let lab: Lab;
  let base: Snapshot;
  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 20, load: { running: false } });
    base = lab.snapshot();
  });
  afterAll(async () => {
    await lab.close();
  });

  const at = (t: number, seq = t): Snapshot => ({ ...base, t, seq });

  it('keeps the first snapshot of each interval and drops the per-connection lists', () => {
    const history = new SnapshotHistory(1000, 10_000);
    for (const t of [0, 100, 900, 1000, 1500, 2999, 3000]) history.record(at(t));
    const samples = history.samples(3000);
    expect(samples.map((s) => s.t)).toEqual([0, 1000, 2999, 3000]);
    expect(Object.keys(samples[0]!)).not.toContain('connections');
    expect(samples[0]!.acquireTimeoutMs).toBe(base.config.pool.acquireTimeoutMs);
  });

  it('holds at most span / interval samples, oldest dropped first, and only those within the span', () => {
    const history = new SnapshotHistory(1000, 5000);
    for (let t = 0; t <= 20_000; t += 1000) history.record(at(t));
    expect(history.samples(20_000).map((s) => s.t)).toEqual([16_000, 17_000, 18_000, 19_000, 20_000]);
    expect(history.samples(23_500).map((s) => s.t)).toEqual([19_000, 20_000]);
  });

  it('starts again when the clock steps back, so samples stay in time order', () => {
    const history = new SnapshotHistory(1000, 10_000);
    for (const t of [5000, 6000, 7000, 2000, 3000]) history.record(at(t));
    expect(history.samples(3000).map((s) => s.t)).toEqual([2000, 3000]);
  });
});

describe('Lab.history', () => {
  it('answers the ticks so far at one a second, with the markers of the span', async () => {
    const lab = await Lab.start({ embeddedTargets: 1, sampleHz: 20, load: { concurrency: 2 } });
    try {
      lab.patchConfig({ pool: { maxOpen: 7, maxIdle: 7 } });
      await new Promise((resolve) => setTimeout(resolve, 2300));
      const history = lab.history();
      expect(history.intervalMs).toBe(1000);
      expect(history.samples.length).toBeGreaterThanOrEqual(2);
      expect(history.samples.length).toBeLessThanOrEqual(4);
      const times = history.samples.map((s) => s.t);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(history.samples.at(-1)!.pool.maxOpen).toBe(7);
      // Each sample is its own tick's numbers, not a view of objects a later tick rewrote.
      expect(history.samples.at(-1)!.totals.acquires).toBeGreaterThan(history.samples[0]!.totals.acquires);
      expect(history.markers.some((m) => m.kind === 'config' && m.label.includes('7'))).toBe(true);
    } finally {
      await lab.close();
    }
  });
});
