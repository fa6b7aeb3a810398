import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';
import { createSchedule } from './load-schedule';
import { mulberry32, streamSeed } from './seeded-random';
import { LoadLab } from './test-support/load-lab';

const lab = new LoadLab(closeAfterEach());

describe('seeded schedule', () => {
  it('mulberry32 repeats its stream for a seed, and worker streams differ', () => {
    const first = mulberry32(42);
    const again = mulberry32(42);
    const draws = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => again())).toEqual(draws);
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
    expect(mulberry32(streamSeed(42, 0))()).not.toBe(mulberry32(streamSeed(42, 1))());
    expect(streamSeed(42, 0)).not.toBe(streamSeed(43, 0));
  });

  it('two open loops on one schedule hear the same arrivals at the same instants, with the same draw seeds', async () => {
    const targets = [await lab.target(), await lab.target()];
    const schedule = createSchedule(7);
    const heard: Array<Array<[number, number]>> = [[], []];
    const loads = targets.map((target, arm) => {
      const load = lab.load(lab.pool([target]), { mode: 'open', ratePerSec: 300, running: false });
      load.useSchedule(schedule);
      load.tapArrivals((intendedMs, drawSeed) => heard[arm]?.push([intendedMs, drawSeed]));
      return load;
    });
    for (const load of loads) load.reconfigure({ running: true });
    await waitFor(() => (heard[1]?.length ?? 0) >= 150, { what: '150 arrivals' });
    for (const load of loads) load.tapArrivals(null);
    expect(heard[1]).toEqual(heard[0]);
    expect(loads[0]?.stats().started).toBe(loads[1]?.stats().started);
  });

  it('closed-loop workers on one seed make the same draws: after the same number of borrows, the same loans leaked', async () => {
    const schedule = createSchedule(21);
    const seen: Array<Map<number, number>> = [new Map(), new Map()];
    const loads = await Promise.all(
      [0, 1].map(async () => {
        const load = lab.load(lab.pool([await lab.target()], { maxOpen: 0 }), { concurrency: 1, leakRate: 0.5, running: false });
        load.useSchedule(schedule);
        return load;
      }),
    );
    for (const load of loads) load.reconfigure({ running: true });
    const until = Date.now() + 800;
    while (Date.now() < until || Math.min(...seen.map((m) => m.size)) < 10) {
      loads.forEach((load, arm) => {
        const stats = load.stats();
        if (stats.inFlight === 0) seen[arm]?.set(stats.started, stats.leakedLoans);
      });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const common = [...(seen[0]?.keys() ?? [])].filter((started) => seen[1]?.has(started));
    expect(common.length).toBeGreaterThan(5);
    for (const started of common) expect([started, seen[1]?.get(started)]).toEqual([started, seen[0]?.get(started)]);
    expect(Math.max(...(seen[0]?.values() ?? []))).toBeGreaterThan(0);
  });
});
