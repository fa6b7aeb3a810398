import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());

describe('close()', () => {
  it('rejects waiters with POOL_CLOSED, waits for loans, and leaves no socket open on either side', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 4, minIdle: 2, shutdownGraceMs: 5000 });
    const loans = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire(), pool.acquire()]);
    const waiter = pool.acquire();
    await waitFor(() => server.openSockets === 4, { what: 'the server to see 4 sockets' });
    const closing = pool.close();
    await expect(waiter).rejects.toMatchObject({ code: 'POOL_CLOSED' });
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'POOL_CLOSED' });
    for (const loan of loans) pool.release(loan);
    await closing;
    expect(pool.stats()).toMatchObject({ open: 0, closing: 0, connecting: 0 });
    expect(pool.connections()).toEqual([]);
    expect(pool.stats().closed['pool-closed']).toBe(4);
    await waitFor(() => server.openSockets === 0, { what: 'the server side of every socket to close' });
  });

  it('closes loans still out after shutdownGraceMs, and a late release is a harmless no-op', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { shutdownGraceMs: 50 });
    const loan = await pool.acquire();
    const startedMs = Date.now();
    await pool.close();
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(40);
    expect(pool.stats().open).toBe(0);
    expect(() => pool.release(loan)).not.toThrow();
    await expect(loan.request(Buffer.from('x'), { timeoutMs: 100, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_CONNECTION_CLOSED',
    });
    await waitFor(() => server.openSockets === 0, { what: 'the server side to close' });
  });

  it('a reconfigure after close() throws POOL_CLOSED instead of reporting success', async () => {
    const pool = harness.pool([]);
    await pool.close();
    expect(() => pool.reconfigure({ maxOpen: 20 })).toThrow(expect.objectContaining({ code: 'POOL_CLOSED' }));
    expect(pool.config.maxOpen).toBe(10);
  });
});
