import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());

describe('ConnectionPool basics', () => {
  it('lends a connection that round-trips a framed echo request and reuses it after release', async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const connection = await pool.acquire();
    const reply = await connection.request(Buffer.from('hello'), { timeoutMs: 2000, framing: 'length-prefixed' });
    expect(reply.toString()).toBe('hello');
    pool.release(connection);
    expect(pool.stats()).toMatchObject({ open: 1, idle: 1, active: 0, acquires: 1, dials: 1 });
    const again = await pool.acquire();
    expect(again).toBe(connection);
    expect(pool.connections()[0]).toMatchObject({ id: connection.id, targetId: 't1', state: 'active', uses: 2 });
  });

  it('prewarms minIdle connections at start and refills them when one closes', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { minIdle: 3 });
    await waitFor(() => pool.stats().idle === 3, { what: '3 idle' });
    const connection = await pool.acquire();
    pool.destroy(connection, 'error');
    await waitFor(() => pool.stats().idle === 3, { what: 'refilled to 3 idle' });
    expect(pool.stats().closed.error).toBe(1);
  });

  it('rejects an invalid config whole with PoolConfigError (INVALID_CONFIG) naming the field', async () => {
    const { ConnectionPool } = await import('./connection-pool');
    expect(() => new ConnectionPool({ config: { maxOpen: -1 } })).toThrowError(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });

  it('rejects acquire with POOL_NO_TARGETS when it has no target, and POOL_QUEUE_FULL beyond maxWaiters', async () => {
    const empty = harness.pool([]);
    await expect(empty.acquire()).rejects.toMatchObject({ code: 'POOL_NO_TARGETS' });
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1, maxWaiters: 1, acquireTimeoutMs: 60_000 });
    const held = await pool.acquire();
    const waiting = pool.acquire();
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'POOL_QUEUE_FULL' });
    expect(pool.stats().rejected).toBe(1);
    pool.release(held);
    expect(await waiting).toBe(held);
  });
});
