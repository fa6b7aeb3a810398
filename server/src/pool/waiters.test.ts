import { describe, expect, it } from 'vitest';
import type { PooledConnection } from './pooled-connection';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';

const harness = new Harness(closeAfterEach());

describe('waiters', () => {
  it('serves waiters first come, first served as connections are released', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1, acquireTimeoutMs: 10_000 });
    const held = await pool.acquire();
    const order: number[] = [];
    const waiting = [1, 2, 3].map((n) => pool.acquire().then((c) => (order.push(n), pool.release(c))));
    expect(pool.stats().waiting).toBe(3);
    pool.release(held);
    await Promise.all(waiting);
    expect(order).toEqual([1, 2, 3]);
    // The first acquire waited too: for the dial of the pool's first connection.
    expect(pool.stats().acquiresWaited).toBe(4);
  });

  it('rejects with POOL_ACQUIRE_TIMEOUT after acquireTimeoutMs, the message carrying the pool state', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1, acquireTimeoutMs: 150 });
    const events = harness.record(pool);
    await pool.acquire();
    const startedMs = Date.now();
    const error = await pool.acquire().catch((e: unknown) => e);
    expect(Date.now() - startedMs).toBeGreaterThanOrEqual(120);
    expect(error).toMatchObject({ code: 'POOL_ACQUIRE_TIMEOUT', lastDialError: null, dialFailuresDuringWait: 0 });
    expect((error as Error).message).toBe('timed out after 150 ms: 1/1 active, 1 waiting');
    expect(pool.stats()).toMatchObject({ acquireTimeouts: 1, waiting: 0 });
    expect(events.some((e) => e.type === 'acquire-timed-out')).toBe(true);
  });

  it('times out each of many waiters in arrival order with one timer', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 1, acquireTimeoutMs: 100 });
    await pool.acquire();
    const rejectedOrder: number[] = [];
    const waits = Array.from({ length: 50 }, (_, n) => pool.acquire().catch(() => rejectedOrder.push(n)));
    await Promise.all(waits);
    expect(rejectedOrder).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it('never has more than maxOpen connections open with 1,000 concurrent acquirers, checked at every event', async () => {
    const server = await harness.server();
    const maxOpen = 8;
    const pool = harness.pool([server], { maxOpen, maxWaiters: 0, acquireTimeoutMs: 30_000 });
    let worst = 0;
    const check = () => {
      const { open, connecting, idle, validating, active } = pool.stats();
      expect(open).toBe(connecting + idle + validating + active);
      worst = Math.max(worst, open);
    };
    pool.on('event', check);
    const borrowers = Array.from({ length: 1000 }, async (_, n) => {
      const connection: PooledConnection = await pool.acquire();
      check();
      if (n % 10 === 0) {
        await connection.request(Buffer.from(`r${n}`), { timeoutMs: 10_000, framing: 'length-prefixed' });
        check();
      }
      pool.release(connection);
      check();
    });
    await Promise.all(borrowers);
    expect(worst).toBeLessThanOrEqual(maxOpen);
    expect(worst).toBe(maxOpen);
    expect(pool.stats()).toMatchObject({ acquires: 1000, waiting: 0, active: 0, acquireTimeouts: 0 });
    expect(server.accepted).toBeLessThanOrEqual(maxOpen);
  });
});
