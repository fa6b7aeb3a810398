import { describe, expect, it } from 'vitest';
import { LoadLab, invariantHolds } from './test-support/load-lab';
import { waitFor } from '../test-support/wait-for';
import { closeAfterEach } from '../test-support/close-after-each';

const lab = new LoadLab(closeAfterEach());

describe('LoadGenerator outcomes against real targets', () => {
  it('runs acquire-request-hold-release-think cycles that all end ok against a healthy target', async () => {
    const target = await lab.target();
    const pool = lab.pool([target], { maxOpen: 4 });
    const load = lab.load(pool, { concurrency: 4, holdMs: 5, holdJitterMs: 3, thinkMs: 5 });
    await waitFor(() => load.stats().outcomes.ok >= 60, { what: '60 ok requests' });
    await load.stop();
    const stats = load.stats();
    expect(stats.inFlight).toBe(0);
    expect(stats.outcomes.ok).toBe(stats.started);
    expect(pool.stats().active).toBe(0);
    expect(target.counters().requestsServed).toBe(stats.outcomes.ok);
  });

  it('counts acquire-timeout when every connection is held past acquireTimeoutMs', async () => {
    const target = await lab.target();
    const pool = lab.pool([target], { maxOpen: 1, acquireTimeoutMs: 100 });
    const load = lab.load(pool, { concurrency: 3, holdMs: 1000 });
    await waitFor(() => load.stats().outcomes['acquire-timeout'] >= 2, { what: 'two acquire timeouts' });
    expect(load.stats().outcomes['dial-failed']).toBe(0);
    expect(invariantHolds(load.stats())).toBe(true);
  });

  it('counts dial-failed when acquires time out while the target refuses every dial', async () => {
    const target = await lab.target({ down: true });
    const pool = lab.pool([target], { acquireTimeoutMs: 300, dialBackoffBaseMs: 5, dialBackoffMaxMs: 20 });
    const load = lab.load(pool, { concurrency: 2 });
    await waitFor(() => load.stats().outcomes['dial-failed'] >= 2, { what: 'two dial-failed requests' });
    expect(load.stats().outcomes['acquire-timeout']).toBe(0);
    expect(load.stats().outcomes.ok).toBe(0);
  });

  it('counts rejected when the wait queue is full', async () => {
    const target = await lab.target();
    const pool = lab.pool([target], { maxOpen: 1, maxWaiters: 1, acquireTimeoutMs: 5000 });
    const load = lab.load(pool, { concurrency: 4, holdMs: 300 });
    await waitFor(() => load.stats().outcomes.rejected >= 2, { what: 'two rejections' });
    expect(pool.stats().rejected).toBeGreaterThanOrEqual(2);
  });

  it('counts bad-reply and destroys the connection (reason bad-reply) when the target garbles', async () => {
    const target = await lab.target({ garbleRate: 1 });
    const pool = lab.pool([target]);
    const load = lab.load(pool, { concurrency: 2 });
    await waitFor(() => load.stats().outcomes['bad-reply'] >= 5, { what: 'five bad replies' });
    expect(load.stats().outcomes.ok).toBe(0);
    expect(pool.stats().closed['bad-reply']).toBeGreaterThanOrEqual(5);
  });

  it('counts request-timeout after requestTimeoutMs when the target stalls, and destroys the connection', async () => {
    const target = await lab.target({ stall: true });
    const pool = lab.pool([target]);
    const load = lab.load(pool, { concurrency: 2, requestTimeoutMs: 100 });
    await waitFor(() => load.stats().outcomes['request-timeout'] >= 2, { what: 'two request timeouts' });
    expect(load.stats().outcomes.ok).toBe(0);
    expect(pool.stats().closed.error).toBeGreaterThanOrEqual(2);
  });

  it('counts connection-error when the target drops the connection mid-request', async () => {
    const target = await lab.target({ dropRate: 1 });
    const pool = lab.pool([target]);
    const load = lab.load(pool, { concurrency: 2 });
    await waitFor(() => load.stats().outcomes['connection-error'] >= 3, { what: 'three connection errors' });
    expect(load.stats().outcomes.ok).toBe(0);
  });

  it('framing none with 200 KiB payloads gives bad replies; length-prefixed gives none', async () => {
    const target = await lab.target({ latencyMs: 0, jitterMs: 0 });
    const pool = lab.pool([target]);
    const load = lab.load(pool, { concurrency: 2, payloadBytes: 200 * 1024, framing: 'length-prefixed' });
    await waitFor(() => load.stats().outcomes.ok >= 10, { what: 'ten ok framed requests' });
    expect(load.stats().outcomes['bad-reply']).toBe(0);
    load.reconfigure({ framing: 'none' });
    await waitFor(() => load.stats().outcomes['bad-reply'] >= 5, { what: 'five bad unframed replies' });
  });
});
