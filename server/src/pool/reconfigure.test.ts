import { describe, expect, it } from 'vitest';
import type { ConnectionPool } from './connection-pool';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { sleepMs, waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());

/** Closed-loop borrowers: acquire, one request, hold a little, release, until stopped. */
function runLoad(pool: ConnectionPool, workers: number): { stop: () => Promise<void>; errors: unknown[] } {
  let running = true;
  const errors: unknown[] = [];
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      try {
        const connection = await pool.acquire();
        await connection.request(Buffer.from('load'), { timeoutMs: 5000, framing: 'length-prefixed' });
        await sleepMs(2);
        pool.release(connection);
      } catch (error) {
        errors.push(error);
      }
    }
  });
  return {
    errors,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

describe('reconfigure', () => {
  it('rejects an invalid patch whole and leaves the config untouched', async () => {
    const pool = harness.pool([]);
    const result = pool.reconfigure({ maxOpen: 20, minIdle: 50 });
    expect(result.ok).toBe(false);
    expect(pool.config.maxOpen).toBe(10);
    expect(pool.reconfigure({ maxOpen: 'many' }).ok).toBe(false);
  });

  it('emits a reconfigured event naming only the changed fields', async () => {
    const pool = harness.pool([]);
    const events = harness.record(pool);
    expect(pool.reconfigure({ maxOpen: 20, minIdle: 0 }).ok).toBe(true);
    expect(events).toEqual([expect.objectContaining({ type: 'reconfigured', scope: 'pool', changed: { maxOpen: 20 } })]);
  });

  it('under load, growing serves the waiters and shrinking settles to the new bounds, never above them', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 4, maxIdle: 4, acquireTimeoutMs: 10_000 });
    let bound = 4;
    let worst = 0;
    pool.on('event', () => {
      worst = Math.max(worst, pool.stats().open - bound);
    });
    const load = runLoad(pool, 24);
    await waitFor(() => pool.stats().open === 4 && pool.stats().waiting > 0, { what: 'a saturated pool' });
    bound = 12;
    expect(pool.reconfigure({ maxOpen: 12, maxIdle: 12 }).ok).toBe(true);
    await waitFor(() => pool.stats().open === 12, { what: 'growth to 12' });
    expect(pool.reconfigure({ maxOpen: 3, maxIdle: 3, minIdle: 0 }).ok).toBe(true);
    await waitFor(() => pool.stats().open <= 3, { what: 'shrink to 3' });
    bound = 3;
    worst = 0;
    await sleepMs(200);
    expect(pool.stats().open).toBeLessThanOrEqual(3);
    await load.stop();
    expect(worst).toBeLessThanOrEqual(0);
    expect(load.errors).toEqual([]);
    expect(pool.stats().closed.shrink).toBeGreaterThanOrEqual(9);
    expect(pool.stats().open).toBeLessThanOrEqual(3);
  });

  it('shrinking maxIdle closes surplus idle connections now', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { minIdle: 5, maxIdle: 5 });
    await waitFor(() => pool.stats().idle === 5, { what: '5 idle' });
    pool.reconfigure({ minIdle: 1, maxIdle: 2 });
    expect(pool.stats()).toMatchObject({ idle: 2 });
    expect(pool.stats().closed.shrink).toBe(3);
  });
});
