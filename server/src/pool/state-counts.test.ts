import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '@poolscope/shared/vocabulary';
import type { ConnectionPool } from './connection-pool';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const STATES: ConnectionState[] = ['connecting', 'idle', 'validating', 'active', 'closing'];

/** The gauges the pool reports next to a recount of its connections' states; both should always agree. */
function gaugesAndRecount(pool: ConnectionPool) {
  const stats = pool.stats();
  const connections = pool.connections();
  const recount = Object.fromEntries(STATES.map((s) => [s, connections.filter((c) => c.state === s).length]));
  const openByTarget = Object.fromEntries(pool.targetStats().map((t) => [t.targetId, t.open]));
  const recountByTarget = Object.fromEntries(
    pool.targetStats().map((t) => [t.targetId, connections.filter((c) => c.targetId === t.targetId && c.state !== 'closing').length]),
  );
  return {
    gauges: { ...Object.fromEntries(STATES.map((s) => [s, stats[s]])), open: stats.open, byTarget: openByTarget },
    recount: { ...recount, open: connections.length - recount.closing!, byTarget: recountByTarget },
  };
}

describe('the per-state counts are the gauges', () => {
  it('equal a recount of connection states at every event through dial failures, forgets, destroys and shrinks on real sockets', async () => {
    const up = await harness.server();
    const down = await harness.server();
    await down.down();
    const pool = harness.pool([up, down], { minIdle: 6, maxOpen: 8, maxIdle: 8, dialBackoffBaseMs: 20, dialBackoffMaxMs: 40 });
    const mismatches: string[] = [];
    pool.on('event', (event) => {
      const { gauges, recount } = gaugesAndRecount(pool);
      if (JSON.stringify(gauges) !== JSON.stringify(recount))
        mismatches.push(`${event.type}: ${JSON.stringify(gauges)} vs ${JSON.stringify(recount)}`);
    });
    await waitFor(() => pool.stats().dialFailures >= 3 && pool.stats().idle === 6, {
      what: '6 idle on the up target, dial failures on the other',
    });
    await down.up();
    const loans = await Promise.all([1, 2, 3, 4, 5].map(() => pool.acquire()));
    pool.destroy(loans[0]!, 'error');
    for (const loan of loans.slice(1)) pool.release(loan);
    await up.restart(); // the pool's sockets to it close from the far end
    pool.reconfigure({ maxOpen: 3, minIdle: 2, maxIdle: 3 });
    pool.removeTarget('t2');
    await waitFor(() => pool.stats().closing === 0 && pool.stats().connecting === 0, { what: 'every close and dial settled' });
    expect(mismatches).toEqual([]);
    const { gauges, recount } = gaugesAndRecount(pool);
    expect(gauges).toEqual(recount);
    expect(pool.stats().dialFailures).toBeGreaterThanOrEqual(3);
    expect(pool.stats().closed.shrink + pool.stats().closed.error).toBeGreaterThan(0);
  });
});
