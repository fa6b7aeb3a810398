import { afterEach, describe, expect, it } from 'vitest';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { Lab } from '../../src/lab/lab';
import { waitFor } from '../../src/test-support/wait-for';

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

const start = async (options: Parameters<typeof Lab.start>[0]) => (lab = await Lab.start({ sampleHz: 10, ...options }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('comparison physics, on real sockets', () => {
  it('one seed, one schedule: over an open-loop window both arms receive the same arrivals at the same instants', async () => {
    const l = await start({ embeddedTargets: 1, load: { mode: 'open', ratePerSec: 200 } });
    const heard: { a: [number, number][]; b: [number, number][] } = { a: [], b: [] };
    // Tapped before the start, so the whole comparison is heard; A's own arrivals before it carry no draw seed (-1).
    l.load.tapArrivals((intendedMs, drawSeed) => drawSeed >= 0 && heard.a.push([intendedMs, drawSeed]));
    l.compare.tapArrivalsB((intendedMs, drawSeed) => heard.b.push([intendedMs, drawSeed]));
    await l.compare.start({ b: { pool: { maxOpen: 2, maxIdle: 2 } }, seed: 11 });
    await waitFor(() => heard.b.length >= 300, { timeoutMs: 30000, what: '300 arrivals' });
    l.load.tapArrivals(null);
    l.compare.tapArrivalsB(null);
    expect(heard.b.length).toBe(heard.a.length);
    expect(heard.b).toEqual(heard.a);
    expect(new Set(heard.a.map(([, seed]) => seed)).size).toBe(heard.a.length); // each arrival has its own draws
  });

  it('smaller is faster: B (4 connections) has a lower round-trip p50 than A (50), and the summary marks it significant', async () => {
    const l = await start({ embeddedTargets: 2 });
    await l.applyScenario('compare-smaller-pool');
    await sleep(1000); // warm-up: A dials its 50 connections
    const fromMs = Date.now();
    await waitFor(() => l.compare.report(5).samples.a >= 5 && (l.compare.report(5).summary[0]?.a ?? 0) > 0 && Date.now() - fromMs > 5000, {
      timeoutMs: 60000,
      what: 'five seconds of samples',
    });
    const row = l.compare.report(5).summary.find((r) => r.metric === 'rttMs.p50');
    expect(row?.b).toBeLessThan(row?.a ?? 0);
    expect(row).toMatchObject({ significant: true, better: 'b' });
    expect(l.snapshot().pool.open).toBeGreaterThan(4);
    expect(l.snapshot().compare?.b.pool.open).toBeLessThanOrEqual(4);
  });

  it('pool vs no pool: the no-pool arm dials about once per request, the pooled arm about never', async () => {
    const l = await start({ embeddedTargets: 1 });
    await l.applyScenario('compare-no-pool');
    await sleep(500);
    const before = l.snapshot();
    await waitFor(() => l.snapshot().totals.requests.ok - before.totals.requests.ok >= 150, {
      timeoutMs: 60000,
      what: '150 more requests in A',
    });
    const after = l.snapshot();
    const delta = (s: Snapshot['totals'] | undefined, t: Snapshot['totals'] | undefined, read: (x: Snapshot['totals']) => number) =>
      read(t!) - read(s!);
    const aRequests = delta(before.totals, after.totals, (x) => x.requestsStarted);
    const aDials = delta(before.totals, after.totals, (x) => x.dials);
    const bRequests = delta(before.compare?.b.totals, after.compare?.b.totals, (x) => x.requestsStarted);
    const bDials = delta(before.compare?.b.totals, after.compare?.b.totals, (x) => x.dials);
    expect(bRequests).toBeGreaterThan(50);
    expect(bDials / bRequests).toBeGreaterThan(0.8);
    expect(bDials / bRequests).toBeLessThan(1.2);
    expect(aDials / aRequests).toBeLessThan(0.02);
  });
});
