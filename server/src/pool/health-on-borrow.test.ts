import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { sleepMs, waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 5000, framing: 'length-prefixed' } as const;

describe('health checks on borrow and heartbeats', () => {
  it('a check on borrow replaces a connection the target closed while idle, transparently to the borrower', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { watchIdle: false, healthCheckMethod: 'ping', validateAfterIdleMs: 0 });
    const first = await pool.acquire();
    pool.release(first);
    for (const socket of server.sockets) socket.end();
    await waitFor(() => first.link?.goneReason != null, { what: "the FIN to reach the pool's socket" });
    const second = await pool.acquire();
    expect(second.id).not.toBe(first.id);
    expect((await second.request(Buffer.from('ok'), framed)).toString()).toBe('ok');
    const stats = pool.stats();
    expect(stats.closed['health-check']).toBe(1);
    expect(stats.healthChecksByMethod.ping.failed).toBe(1);
    expect(stats.staleBorrows).toBe(0);
    expect(pool.targetStats()[0]?.healthChecksFailed).toBe(1);
  });

  it('with watchIdle on, a remote close of an idle connection is noticed without a borrow (remote-closed)', async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    pool.release(await pool.acquire());
    for (const socket of server.sockets) socket.end();
    await waitFor(() => pool.stats().closed['remote-closed'] === 1, { what: 'the pool to notice the remote close' });
    expect(pool.stats().open).toBe(0);
  });

  it('heartbeats keep idle connections alive past the target idleCloseMs', async () => {
    // Heartbeats every 100 ms against an idle close of 2 s: only a 2 s stall of this process could
    // let the target close one, so a busy machine does not decide the outcome.
    const server = await harness.server({ idleCloseMs: 2000 });
    const pool = harness.pool([server], { minIdle: 2, heartbeatIntervalMs: 100, healthCheckMethod: 'ping' });
    await waitFor(() => pool.stats().idle === 2, { what: '2 idle connections' });
    const ids = pool.connections().map((c) => c.id);
    await sleepMs(2500);
    expect(
      pool
        .connections()
        .map((c) => c.id)
        .sort(),
    ).toEqual(ids.sort());
    expect(server.accepted).toBe(2);
    expect(pool.stats().healthChecksPassed).toBeGreaterThanOrEqual(4);
    const closed = pool.stats().closed;
    expect(Object.values(closed).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('without heartbeats, a connection the target closed for idleness is caught on borrow', async () => {
    const server = await harness.server({ idleCloseMs: 150 });
    const pool = harness.pool([server], { watchIdle: false, heartbeatIntervalMs: 0, validateAfterIdleMs: 50 });
    const first = await pool.acquire();
    pool.release(first);
    await waitFor(() => first.link?.goneReason != null, { what: 'the target idle close to reach the pool' });
    const second = await pool.acquire();
    expect(second.id).not.toBe(first.id);
    expect(pool.stats().closed['health-check']).toBe(1);
    expect((await second.request(Buffer.from('fresh'), framed)).toString()).toBe('fresh');
  });

  it('a stalled target gives a health-check timeout, never a hang', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { validateAfterIdleMs: 0, healthCheckTimeoutMs: 100, acquireTimeoutMs: 3000 });
    const events = harness.record(pool);
    pool.release(await pool.acquire());
    // Only the open connection stalls (its server side stops reading): the replacement is pinged
    // too (every lend is checked) and must answer; then the whole target stalls.
    for (const socket of server.sockets) socket.pause();
    const next = await pool.acquire();
    server.knobs.stall = true;
    const failed = events.find((e) => e.type === 'health-check-failed');
    expect(failed).toMatchObject({ method: 'ping' });
    expect(failed && 'reason' in failed && failed.reason).toContain('no reply within 100 ms');
    await expect(next.request(Buffer.from('x'), { timeoutMs: 100, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_REQUEST_TIMEOUT',
    });
    expect(pool.stats().closed).toMatchObject({ 'health-check': 1, error: 1 });
  });
});
