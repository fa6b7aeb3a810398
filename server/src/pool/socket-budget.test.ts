import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../test-support/close-after-each';
import { Harness } from './test-support/harness';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 5000, framing: 'length-prefixed' } as const;

describe('socket budget', () => {
  it('maxOpen 0 is unlimited only up to the budget: a dial past it fails POOL_SOCKET_BUDGET, counted like any dial failure', async () => {
    const server = await harness.server();
    const pool = harness.pool(
      [server],
      { maxOpen: 0, acquireTimeoutMs: 30_000, dialBackoffBaseMs: 10, dialBackoffMaxMs: 50 },
      { socketBudget: 5 },
    );
    const events = harness.record(pool);
    const loans = await Promise.all(Array.from({ length: 5 }, () => pool.acquire()));
    const waiting = pool.acquire();
    await waitFor(() => (pool.stats().dialFailuresByCode.POOL_SOCKET_BUDGET ?? 0) >= 2, { what: 'dials past the budget to fail' });
    expect(pool.stats()).toMatchObject({ open: 5, socketBudget: 5, waiting: 1 });
    expect(pool.stats().dialFailures).toBe(pool.stats().dialFailuresByCode.POOL_SOCKET_BUDGET);
    expect(events).toContainEqual(expect.objectContaining({ type: 'dial-failed', code: 'POOL_SOCKET_BUDGET' }));
    // The server hears of a connection a little after the client does: wait, then check no sixth came.
    await waitFor(() => server.accepted >= 5, { what: 'the server to accept the 5 connections' });
    expect(server.accepted).toBe(5);
    pool.release(loans[0]!);
    expect((await (await waiting).request(Buffer.from('ok'), framed)).toString()).toBe('ok');
  });

  it('closing sockets count until they have closed (each still holds a descriptor)', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 0, acquireTimeoutMs: 30_000 }, { socketBudget: 2 });
    const [a, b] = [await pool.acquire(), await pool.acquire()];
    pool.destroy(a, 'error');
    pool.destroy(b, 'error');
    const acquiring = pool.acquire(); // the two sockets are still closing: this dial is refused
    expect(pool.stats().dialFailuresByCode.POOL_SOCKET_BUDGET).toBe(1);
    const next = await acquiring;
    expect(pool.stats().open + pool.stats().closing).toBeLessThanOrEqual(2);
    expect((await next.request(Buffer.from('ok'), framed)).toString()).toBe('ok');
  });
});
