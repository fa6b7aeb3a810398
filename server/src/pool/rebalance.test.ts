import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';
import type { ConnectionPool } from './connection-pool';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 5000, framing: 'length-prefixed' } as const;
const openBy = (pool: ConnectionPool) => Object.fromEntries(pool.targetStats().map((t) => [t.targetId, t.open]));

describe('a pool at its cap rebalances once a target is back', () => {
  it('connections dialled while one of two targets was down spread evenly once it is up, never above maxOpen', async () => {
    const up = await harness.server();
    const down = await harness.server();
    await down.down();
    const pool = harness.pool([up, down], { maxOpen: 4, minIdle: 4, maxIdle: 4, dialBackoffBaseMs: 20, dialBackoffMaxMs: 40 });
    let peakOpen = 0;
    pool.on('event', () => (peakOpen = Math.max(peakOpen, pool.stats().open)));
    await waitFor(() => pool.stats().idle === 4 && pool.stats().dialFailures > 0, { what: '4 idle, all on the up target' });
    expect(openBy(pool)).toEqual({ t1: 4, t2: 0 });
    await down.up();
    await waitFor(() => openBy(pool).t1 === 2 && openBy(pool).t2 === 2 && pool.stats().idle === 4, {
      timeoutMs: 20_000,
      what: 'a 2 + 2 spread',
    });
    expect(peakOpen).toBeLessThanOrEqual(4);
    expect((await pool.request(Buffer.from('ok'), framed)).toString()).toBe('ok');
  });

  it('under load (no idle connection at the pass) the next connection released on the crowded target moves', async () => {
    const up = await harness.server();
    const down = await harness.server();
    await down.down();
    const pool = harness.pool([up, down], { maxOpen: 4, minIdle: 0, maxIdle: 4, dialBackoffBaseMs: 20, dialBackoffMaxMs: 40 });
    let running = true;
    const loops = Array.from({ length: 12 }, async () => {
      while (running) await pool.request(Buffer.from('x'), framed).catch(() => undefined);
    });
    await waitFor(() => pool.stats().open === 4 && pool.stats().dialFailures > 0, { what: '4 open on the up target' });
    await down.up();
    await waitFor(() => openBy(pool).t1 === 2 && openBy(pool).t2 === 2, { timeoutMs: 20_000, what: 'a 2 + 2 spread under load' });
    running = false;
    await Promise.all(loops);
  });
});
