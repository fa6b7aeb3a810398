import { describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool';
import { memoryConnector, type MemoryLink } from './memory-connector';
import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import { closeAfterEach } from '../test-support/close-after-each';

/**
 * Only what needs the in-memory connector stays here (the idle rules run over real sockets in
 * engine-sockets.test.ts): `hangUp()` marks a link's peer gone at an exact moment, which a real
 * FIN cannot, so these pin the engine's reaction with no kernel timing in between; the latency
 * window test needs counts no dial or health check can add to.
 */
const track = closeAfterEach();

function memoryPool(config: PoolConfigPatch = {}): ConnectionPool {
  return track(
    new ConnectionPool({
      connector: memoryConnector,
      targets: [{ id: 'm', host: 'memory', port: 1 }],
      config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 50, ...config },
    }),
  );
}

const linkOf = (connection: object) => (connection as { link: MemoryLink }).link;

describe('pool engine (in-memory connections)', () => {
  it('with watchIdle on, a remote close of an idle connection closes it at once; off, it stays until touched', async () => {
    const watching = memoryPool();
    const a = await watching.acquire();
    watching.release(a);
    linkOf(a).hangUp();
    expect(watching.stats().closed['remote-closed']).toBe(1);

    const blind = memoryPool({ watchIdle: false, healthCheckMethod: 'probe', validateAfterIdleMs: 0 });
    const b = await blind.acquire();
    blind.release(b);
    linkOf(b).hangUp();
    expect(blind.stats()).toMatchObject({ idle: 1 });
    const c = await blind.acquire();
    expect(c.id).not.toBe(b.id);
    expect(blind.stats().closed['health-check']).toBe(1);
  });

  it('a borrowed connection whose peer went away is closed on release (remote-closed), not returned to idle', async () => {
    const pool = memoryPool();
    const a = await pool.acquire();
    linkOf(a).hangUp();
    pool.release(a);
    expect(pool.stats()).toMatchObject({ idle: 0, open: 0 });
    expect(pool.stats().closed['remote-closed']).toBe(1);
  });

  it('reports latency windows since the previous call, and instrumented: false records none', async () => {
    const pool = memoryPool();
    for (let i = 0; i < 5; i++) pool.release(await pool.acquire());
    const first = pool.takeLatencyWindow();
    expect(first.latency.acquireWaitMs.count).toBe(5);
    expect(first.latency.holdMs.count).toBe(5);
    expect(first.waitHistogram.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    expect(pool.takeLatencyWindow().latency.acquireWaitMs.count).toBe(0);

    const quiet = track(
      new ConnectionPool({
        connector: memoryConnector,
        instrumented: false,
        targets: [{ id: 'm', host: 'x', port: 1 }],
        config: { minIdle: 0 },
      }),
    );
    const events: unknown[] = [];
    quiet.on('event', (e) => events.push(e));
    quiet.release(await quiet.acquire());
    expect(quiet.takeLatencyWindow().latency.acquireWaitMs.count).toBe(0);
    expect(events).toEqual([]);
    expect(quiet.stats().acquires).toBe(1);
  });
});
