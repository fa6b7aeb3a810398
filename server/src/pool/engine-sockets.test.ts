import { describe, expect, it } from 'vitest';
import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import { ConnectionPool } from './connection-pool';
import { TestEchoServer } from './test-support/test-echo-server';
import { closeAfterEach } from '../test-support/close-after-each';
import { sleepMs, waitFor } from '../test-support/wait-for';

/**
 * The engine's idle rules over real loopback sockets. A socket's close is asynchronous here:
 * the pool counts a retirement at once, the connection stays `closing` until its socket has
 * closed, and the echo server sees its end go later still; each test waits for both ends.
 */
describe('pool engine over real sockets', () => {
  const track = closeAfterEach();

  async function echoPool(config: PoolConfigPatch = {}): Promise<{ pool: ConnectionPool; server: TestEchoServer }> {
    const server = track(await TestEchoServer.start());
    const pool = track(
      new ConnectionPool({
        targets: [server.target('t1')],
        config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200, ...config },
      }),
    );
    return { pool, server };
  }

  it.each([
    ['lifo', 'c'],
    ['fifo', 'a'],
  ] as const)('reuses idle connections in %s order', async (idleOrder, expected) => {
    const { pool, server } = await echoPool({ idleOrder });
    const [a, b, c] = await Promise.all([pool.acquire(), pool.acquire(), pool.acquire()]);
    const names = new Map([
      [a!.id, 'a'],
      [b!.id, 'b'],
      [c!.id, 'c'],
    ]);
    for (const loan of [a!, b!, c!]) pool.release(loan);
    const next = await pool.acquire();
    expect(names.get(next.id)).toBe(expected);
    expect(await next.request(Buffer.from('still works'), { timeoutMs: 5000, framing: 'length-prefixed' })).toEqual(
      Buffer.from('still works'),
    );
    expect(pool.stats().dials).toBe(3);
    expect(server.accepted).toBe(3);
  });

  it('closes a released connection beyond maxIdle as excess-idle, on both ends', async () => {
    const { pool, server } = await echoPool({ maxIdle: 1 });
    const [a, b] = await Promise.all([pool.acquire(), pool.acquire()]);
    await waitFor(() => server.openSockets === 2, { what: 'the server to see both sockets' });
    pool.release(a!);
    pool.release(b!);
    expect(pool.stats().closed['excess-idle']).toBe(1);
    await waitFor(() => pool.stats().closing === 0, { what: 'the excess socket to finish closing' });
    expect(pool.stats()).toMatchObject({ idle: 1, open: 1 });
    await waitFor(() => server.openSockets === 1, { what: 'the server side of the excess socket to close' });
  });

  it('reaps idle connections after idleTimeoutMs down to minIdle, on both ends', async () => {
    const { pool, server } = await echoPool({ idleTimeoutMs: 60, minIdle: 1, maxIdle: 5 });
    const loans = await Promise.all([1, 2, 3, 4].map(() => pool.acquire()));
    for (const loan of loans) pool.release(loan);
    const opened = pool.stats().dials;
    await waitFor(() => pool.stats().open === 1 && pool.stats().closing === 0, { what: 'the reaper to close all but minIdle' });
    expect(pool.stats()).toMatchObject({ idle: 1, dials: opened });
    expect(pool.stats().closed['idle-timeout']).toBe(opened - 1);
    await waitFor(() => server.openSockets === 1, { what: 'the server to keep only the minIdle socket' });
  });

  it('retires connections past maxLifetimeMs: idle ones by the reaper, busy ones on release', async () => {
    const { pool, server } = await echoPool({ maxLifetimeMs: 100, minIdle: 0 });
    const [idle, busy] = await Promise.all([pool.acquire(), pool.acquire()]);
    pool.release(idle!);
    await waitFor(() => pool.stats().closed['max-lifetime'] === 1, { what: 'the idle one to expire' });
    expect(pool.stats().active).toBe(1);
    await sleepMs(110); // the busy one outlives maxLifetimeMs too (the reaper may have got there first)
    pool.release(busy!);
    expect(pool.stats().closed['max-lifetime']).toBe(2);
    await waitFor(() => pool.stats().open + pool.stats().closing === 0, { what: 'both sockets closed' });
    await waitFor(() => server.openSockets === 0, { what: 'the server side of both to close' });
  });

  it.each([
    [0, 1],
    [0.999999, 0.9],
  ])('with random() = %s a connection lives at least maxLifetimeMs × %s (jitter takes at most a tenth)', async (draw, factor) => {
    const server = track(await TestEchoServer.start());
    const pool = track(
      new ConnectionPool({
        targets: [server.target('t1')],
        random: () => draw,
        config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200, maxLifetimeMs: 300 },
      }),
    );
    const closed: number[] = [];
    pool.on('event', (e) => {
      if (e.type === 'connection-closed' && e.reason === 'max-lifetime') closed.push(e.ageMs);
    });
    pool.release(await pool.acquire());
    await waitFor(() => closed.length === 1, { what: 'the connection to reach its lifetime' });
    expect(closed[0]).toBeGreaterThanOrEqual(300 * factor - 1);
  });

  it('removeTarget closes its idle connections now and its busy ones on release, then acquires have no target', async () => {
    const { pool, server } = await echoPool();
    const [a, b] = await Promise.all([pool.acquire(), pool.acquire()]);
    pool.release(a!);
    expect(pool.removeTarget('t1')).toBe(true);
    expect(pool.stats().closed.shrink).toBe(1);
    await waitFor(() => server.openSockets === 1, { what: 'the idle socket closed on the server' });
    pool.release(b!);
    await waitFor(() => pool.stats().open + pool.stats().closing === 0, { what: 'the busy one closed on release' });
    await waitFor(() => server.openSockets === 0, { what: 'the server side of the busy one to close' });
    await expect(pool.acquire()).rejects.toMatchObject({ code: 'POOL_NO_TARGETS' });
    expect(pool.removeTarget('t1')).toBe(false);
  });
});
