import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());

const framed = { timeoutMs: 2000, framing: 'length-prefixed' } as const;

describe('pool.request (acquire, request and release in one call)', () => {
  it('returns the echo and has the connection back in the pool when the promise settles', async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const reply = await pool.request(Buffer.from('hello'), framed);
    expect(reply.toString()).toBe('hello');
    expect(pool.stats()).toMatchObject({ open: 1, idle: 1, active: 0, waiting: 0, acquires: 1 });
    expect((await pool.request(Buffer.from('again'), framed)).toString()).toBe('again');
    expect(pool.connections()[0]).toMatchObject({ state: 'idle', uses: 2 });
  });

  it('queues requests beyond maxOpen and answers each with its own bytes, over one connection', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1 });
    const payloads = Array.from({ length: 20 }, (_, i) => Buffer.from(`request ${i}`));
    const replies = await Promise.all(payloads.map((payload) => pool.request(payload, framed)));
    expect(replies.map(String)).toEqual(payloads.map(String));
    expect(pool.stats()).toMatchObject({ open: 1, idle: 1, dials: 1, acquires: 20 });
    expect(pool.stats().acquiresWaited).toBeGreaterThanOrEqual(19);
  });

  it('shares the wait queue with borrowers, first come first served', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1 });
    const borrowed = await pool.acquire();
    const queuedRequest = pool.request(Buffer.from('r'), framed);
    const queuedBorrow = pool.acquire();
    expect(pool.stats().waiting).toBe(2);
    pool.release(borrowed);
    // The request was first in line: it had the connection (use 2) before the borrower (use 3).
    const connection = await queuedBorrow;
    expect(connection.uses).toBe(3);
    expect((await queuedRequest).toString()).toBe('r');
    pool.release(connection);
  });

  it('a failed request closes its connection and rejects; the next request gets a new connection', async () => {
    const server = await harness.server({ stall: true });
    const pool = harness.pool([server]);
    await expect(pool.request(Buffer.from('x'), { timeoutMs: 80, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_REQUEST_TIMEOUT',
    });
    expect(pool.stats().closed.error).toBe(1);
    await waitFor(() => pool.stats().open === 0, { what: 'the timed-out connection closed' });
    server.knobs.stall = false;
    expect((await pool.request(Buffer.from('y'), framed)).toString()).toBe('y');
    expect(pool.stats()).toMatchObject({ dials: 2, idle: 1 });
  });

  it('a queued request times out like an acquire (POOL_ACQUIRE_TIMEOUT) and is rejected on close (POOL_CLOSED)', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1, acquireTimeoutMs: 100 });
    const holder = await pool.acquire();
    await expect(pool.request(Buffer.from('late'), framed)).rejects.toMatchObject({ code: 'POOL_ACQUIRE_TIMEOUT' });
    const queued = pool.request(Buffer.from('never'), framed);
    const closing = pool.close();
    await expect(queued).rejects.toMatchObject({ code: 'POOL_CLOSED' });
    pool.release(holder);
    await closing;
    await expect(pool.request(Buffer.from('after'), framed)).rejects.toMatchObject({ code: 'POOL_CLOSED' });
  });

  it('a checked borrow (validateAfterIdleMs 0) checks before sending, and the request still answers', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { healthCheckMethod: 'ping', validateAfterIdleMs: 0 });
    await pool.request(Buffer.from('first'), framed);
    expect((await pool.request(Buffer.from('second'), framed)).toString()).toBe('second');
    expect(pool.stats().healthChecksPassed).toBeGreaterThanOrEqual(1);
  });

  it('a queued request that fails on the wire rejects with the wire error and closes its connection', async () => {
    const server = await harness.server({ stall: true });
    const pool = harness.pool([server], { maxOpen: 1 });
    const holder = await pool.acquire();
    const queued = pool.request(Buffer.from('x'), { timeoutMs: 80, framing: 'length-prefixed' });
    pool.release(holder);
    await expect(queued).rejects.toMatchObject({ code: 'WIRE_REQUEST_TIMEOUT' });
    expect(pool.stats().closed.error).toBe(1);
  });

  it('a queued request handed a connection whose peer is gone is refused at once: WIRE_CONNECTION_CLOSED, a stale borrow', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1, watchIdle: false, healthCheckMethod: 'none' });
    const holder = await pool.acquire();
    await holder.request(Buffer.from('warm'), framed);
    const queued = pool.request(Buffer.from('y'), framed);
    for (const socket of server.sockets) socket.end();
    await waitFor(() => holder.link?.goneReason != null, { what: "the FIN to reach the pool's socket" });
    pool.release(holder);
    await expect(queued).rejects.toMatchObject({ code: 'WIRE_CONNECTION_CLOSED' });
    expect(pool.stats()).toMatchObject({ staleBorrows: 1 });
  });
});
