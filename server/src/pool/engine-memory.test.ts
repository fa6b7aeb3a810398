import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool';
import { memoryConnector, type MemoryLink } from './memory-connector';
import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import { waitFor } from '../test-support/wait-for';

const pools: ConnectionPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

function memoryPool(config: PoolConfigPatch = {}): ConnectionPool {
  const pool = new ConnectionPool({
    connector: memoryConnector,
    targets: [{ id: 'm', host: 'memory', port: 1 }],
    config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 50, ...config },
  });
  pools.push(pool);
  return pool;
}

const linkOf = (connection: object) => (connection as { link: MemoryLink }).link;

describe('pool engine (in-memory connections)', () => {
  it('reuses idle connections LIFO by default and FIFO when asked', async () => {
    for (const [idleOrder, expected] of [['lifo', 'c'], ['fifo', 'a']] as const) {
      const pool = memoryPool({ idleOrder });
      const [a, b, c] = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
      const names = new Map([[a!.id, 'a'], [b!.id, 'b'], [c!.id, 'c']]);
      for (const conn of [a!, b!, c!]) pool.release(conn);
      expect(names.get((await pool.acquire()).id)).toBe(expected);
    }
  });

  it('closes a released connection beyond maxIdle as excess-idle', async () => {
    const pool = memoryPool({ maxIdle: 1 });
    const [a, b] = await Promise.all([pool.acquire(), pool.acquire()]);
    pool.release(a!);
    pool.release(b!);
    expect(pool.stats()).toMatchObject({ idle: 1, open: 1 });
    expect(pool.stats().closed['excess-idle']).toBe(1);
  });

  it('reaps idle connections after idleTimeoutMs down to minIdle', async () => {
    const pool = memoryPool({ idleTimeoutMs: 60, minIdle: 1, maxIdle: 5 });
    const loans = await Promise.all([1, 2, 3, 4].map(() => pool.acquire()));
    for (const loan of loans) pool.release(loan);
    const opened = pool.stats().dials;
    await waitFor(() => pool.stats().open === 1, { what: 'the reaper to close all but minIdle' });
    expect(pool.stats()).toMatchObject({ idle: 1, dials: opened });
    expect(pool.stats().closed['idle-timeout']).toBe(opened - 1);
  });

  it('retires connections after maxLifetimeMs less up to 10% jitter, idle ones by the reaper and busy ones on release', async () => {
    const pool = memoryPool({ maxLifetimeMs: 100, minIdle: 0 });
    const [idle, busy] = await Promise.all([pool.acquire(), pool.acquire()]);
    pool.release(idle!);
    await waitFor(() => pool.stats().closed['max-lifetime'] === 1, { what: 'the idle one to expire' });
    expect(pool.stats().active).toBe(1);
    pool.release(busy!);
    expect(pool.stats().closed['max-lifetime']).toBe(2);
    expect(pool.stats().open).toBe(0);
  });

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

  it('removeTarget closes its idle connections now and its busy ones on release', async () => {
    const pool = memoryPool();
    const [a, b] = await Promise.all([pool.acquire(), pool.acquire()]);
    pool.release(a!);
    expect(pool.removeTarget('m')).toBe(true);
    expect(pool.stats().closed.shrink).toBe(1);
    pool.release(b!);
    expect(pool.stats()).toMatchObject({ open: 0 });
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'POOL_NO_TARGETS' });
    expect(pool.removeTarget('m')).toBe(false);
  });

  it('reports latency windows since the previous call, and instrumented: false records none', async () => {
    const pool = memoryPool();
    for (let i = 0; i < 5; i++) pool.release(await pool.acquire());
    const first = pool.takeLatencyWindow();
    expect(first.latency.acquireWaitMs.count).toBe(5);
    expect(first.latency.holdMs.count).toBe(5);
    expect(first.waitHistogram.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    expect(pool.takeLatencyWindow().latency.acquireWaitMs.count).toBe(0);

    const quiet = new ConnectionPool({ connector: memoryConnector, instrumented: false, targets: [{ id: 'm', host: 'x', port: 1 }], config: { minIdle: 0 } });
    pools.push(quiet);
    const events: unknown[] = [];
    quiet.on('event', (e) => events.push(e));
    quiet.release(await quiet.acquire());
    expect(quiet.takeLatencyWindow().latency.acquireWaitMs.count).toBe(0);
    expect(events).toEqual([]);
    expect(quiet.stats().acquires).toBe(1);
  });
});
