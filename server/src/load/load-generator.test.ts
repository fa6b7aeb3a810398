import { describe, expect, it } from 'vitest';
import { LoadConfigError } from './load-config-error';
import { LoadGenerator } from './load-generator';
import { LoadLab, invariantHolds } from './test-support/load-lab';
import { waitFor } from '../test-support/wait-for';
import { closeAfterEach } from '../test-support/close-after-each';

const lab = new LoadLab(closeAfterEach());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sample `read` on every turn of the event loop for durationMs; returns how many samples were taken. */
async function sampleEveryTurn(durationMs: number, check: () => void): Promise<number> {
  const until = Date.now() + durationMs;
  let samples = 0;
  while (Date.now() < until) {
    check();
    samples += 1;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return samples;
}

describe('LoadGenerator', () => {
  it('keeps started = sum(outcomes) + inFlight at sampled instants while the target drops, garbles and stalls', async () => {
    const target = await lab.target({ dropRate: 0.1, garbleRate: 0.1 });
    const pool = lab.pool([target], { maxOpen: 8, acquireTimeoutMs: 200 });
    const load = lab.load(pool, { concurrency: 16, requestTimeoutMs: 150, holdMs: 2, holdJitterMs: 2 });
    const broken: string[] = [];
    const check = () => {
      const stats = load.stats();
      if (!invariantHolds(stats)) broken.push(JSON.stringify(stats));
    };
    let samples = await sampleEveryTurn(700, check);
    target.update({ stall: true });
    samples += await sampleEveryTurn(700, check);
    target.update({ stall: false, down: true });
    samples += await sampleEveryTurn(500, check);
    target.update({ down: false });
    load.reconfigure({ mode: 'open', ratePerSec: 400 });
    samples += await sampleEveryTurn(500, check);
    await load.stop();
    check();
    expect(broken).toEqual([]);
    expect(samples).toBeGreaterThan(100);
    const { outcomes, inFlight } = load.stats();
    expect(inFlight).toBe(0);
    for (const outcome of ['ok', 'bad-reply', 'connection-error', 'request-timeout'] as const) {
      expect(outcomes[outcome], outcome).toBeGreaterThan(0);
    }
  });

  it('adds workers and retires them when concurrency changes live', async () => {
    const target = await lab.target({ latencyMs: 60, jitterMs: 0 });
    const pool = lab.pool([target], { maxOpen: 20 });
    const load = lab.load(pool, { concurrency: 2 });
    let peak = 0;
    await sampleEveryTurn(400, () => (peak = Math.max(peak, load.stats().inFlight)));
    expect(peak).toBe(2);
    load.reconfigure({ concurrency: 10 });
    await waitFor(() => load.stats().inFlight === 10, { what: 'ten requests in flight' });
    await waitFor(() => target.counters().connectionsOpen === 10, { what: 'ten connections at the target' });
    load.reconfigure({ concurrency: 1 });
    await waitFor(() => load.stats().inFlight <= 1, { what: 'retired workers to finish' });
    peak = 0;
    await sampleEveryTurn(300, () => (peak = Math.max(peak, load.stats().inFlight)));
    expect(peak).toBe(1);
  });

  it('open loop approximates ratePerSec with Poisson arrivals', async () => {
    const target = await lab.target({ latencyMs: 0, jitterMs: 0 });
    const pool = lab.pool([target], { maxOpen: 50 });
    const load = lab.load(pool, { mode: 'open', ratePerSec: 300 });
    const startedAt = performance.now();
    await sleep(2000);
    const elapsedMs = performance.now() - startedAt;
    const perSec = (load.stats().started * 1000) / elapsedMs;
    expect(perSec).toBeGreaterThan(300 * 0.75);
    expect(perSec).toBeLessThan(300 * 1.25);
    load.reconfigure({ ratePerSec: 0 });
    await waitFor(() => load.stats().inFlight === 0, { what: 'arrivals to stop' });
    const started = load.stats().started;
    await sleep(200);
    expect(load.stats().started).toBe(started);
  });

  it('open loop sheds arrivals beyond its in-flight bound and counts them as rejected', async () => {
    const target = await lab.target({ stall: true });
    const pool = lab.pool([target], { maxOpen: 50 });
    const load = lab.load(pool, { mode: 'open', ratePerSec: 500, requestTimeoutMs: 400 }, { openLoopMaxInFlight: 5 });
    let peak = 0;
    await sampleEveryTurn(300, () => (peak = Math.max(peak, load.stats().inFlight)));
    await waitFor(() => load.stats().shed >= 20, { what: 'twenty shed arrivals' });
    expect(peak).toBeLessThanOrEqual(5);
    expect(load.stats().outcomes.rejected).toBe(load.stats().shed);
    expect(pool.stats().rejected).toBe(0);
  });

  it('stop() ends long holds without waiting them out, hands every loan back and leaves nothing in flight', async () => {
    const target = await lab.target();
    const pool = lab.pool([target], { maxOpen: 5 });
    // Holds of a minute (the maximum): a stop() that waited them out would outlast the test's own timeout.
    const load = lab.load(pool, { concurrency: 5, holdMs: 60_000 });
    await waitFor(() => load.stats().outcomes.ok === 5, { what: 'five loans held' });
    expect(pool.stats().active).toBe(5);
    await load.stop();
    expect(load.stats()).toMatchObject({ inFlight: 0, started: 5 });
    expect(load.config.running).toBe(false);
    expect(pool.stats()).toMatchObject({ active: 0, idle: 5 });
    await sleep(100);
    expect(load.stats().started).toBe(5);
  });

  it('stop() waits for requests in flight to end', async () => {
    const target = await lab.target({ latencyMs: 300, jitterMs: 0 });
    const pool = lab.pool([target]);
    const load = lab.load(pool, { concurrency: 3 });
    await waitFor(() => load.stats().inFlight === 3 && target.counters().bytesIn > 0, { what: 'three requests in flight' });
    await load.stop();
    expect(load.stats()).toMatchObject({ inFlight: 0, started: 3 });
    expect(load.stats().outcomes.ok).toBe(3);
  });

  it('leakRate 1 leaks every loan: the pool drains to zero and acquires time out', async () => {
    const target = await lab.target();
    const pool = lab.pool([target], { maxOpen: 3, acquireTimeoutMs: 100 });
    const load = lab.load(pool, { concurrency: 4, leakRate: 1 });
    await waitFor(() => load.stats().outcomes['acquire-timeout'] >= 2, { what: 'acquire timeouts once all loans leaked' });
    expect(load.stats().leakedLoans).toBe(3);
    expect(pool.stats().active).toBe(3);
    load.reconfigure({ leakRate: 0 });
    pool.reconfigure({ leakDetectionThresholdMs: 1 });
    await waitFor(() => pool.leakSuspects().length === 3, { what: 'three leak suspects' });
    expect(pool.reclaimLeaks()).toBe(3);
    await waitFor(() => load.stats().outcomes.ok >= 5, { what: 'requests to succeed again after the reclaim' });
    expect(load.stats().leakedLoans).toBe(3);
  });

  it('running off stops starting requests and on resumes them; mode switches live', async () => {
    const target = await lab.target();
    const pool = lab.pool([target]);
    const load = lab.load(pool, { running: false, concurrency: 2 });
    await sleep(100);
    expect(load.stats().started).toBe(0);
    load.reconfigure({ running: true });
    await waitFor(() => load.stats().outcomes.ok >= 10, { what: 'ten ok requests' });
    load.reconfigure({ running: false });
    await waitFor(() => load.stats().inFlight === 0, { what: 'in flight requests to end' });
    const started = load.stats().started;
    await sleep(150);
    expect(load.stats().started).toBe(started);
    load.reconfigure({ running: true, mode: 'open', ratePerSec: 200 });
    await waitFor(() => load.stats().started >= started + 10, { what: 'open-loop arrivals' });
  });

  it('rejects an invalid config whole: the constructor throws, reconfigure changes nothing', async () => {
    const target = await lab.target();
    const pool = lab.pool([target]);
    expect(() => new LoadGenerator({ pool, config: { concurrency: -1 } })).toThrowError(LoadConfigError);
    const load = lab.load(pool, { running: false });
    const before = { ...load.config };
    const result = load.reconfigure({ concurrency: 5, leakRate: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details.map((d) => d.path)).toEqual(['/leakRate']);
    expect(load.config).toEqual(before);
    expect(load.reconfigure({ concurrency: 5 })).toEqual({ ok: true, value: { ...before, concurrency: 5 } });
  });
});
