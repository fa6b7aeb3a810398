import { describe, expect, it } from 'vitest';
import type { PoolEvent } from './types';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 5000, framing: 'length-prefixed' } as const;
const dialFailures = (events: PoolEvent[]) =>
  events.filter((e): e is Extract<PoolEvent, { type: 'dial-failed' }> => e.type === 'dial-failed');

describe('dial failures and recovery', () => {
  it('a down target gives backed-off dial failures and acquire timeouts that carry the dial error', async () => {
    const server = await harness.server();
    await server.down();
    // random() = 1 makes full jitter take the whole ceiling: 40, 80, 160, 160... ms.
    const pool = harness.pool([server], { acquireTimeoutMs: 700, dialBackoffBaseMs: 40, dialBackoffMaxMs: 160 }, { random: () => 1 });
    const events = harness.record(pool);
    const error = await pool.acquire().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'POOL_ACQUIRE_TIMEOUT', lastDialError: `ECONNREFUSED 127.0.0.1:${server.port}` });
    expect((error as { dialFailuresDuringWait: number }).dialFailuresDuringWait).toBeGreaterThan(0);
    expect((error as Error).message).toMatch(
      new RegExp(`^timed out after 700 ms: 0/10 active, 1 waiting; last dial error ECONNREFUSED 127\\.0\\.0\\.1:${server.port}$`),
    );
    const backoffs = dialFailures(events).map((e) => e.backoffMs);
    expect(backoffs.slice(0, 4)).toEqual([40, 80, 160, 160]);
    // Without backoff a refused dial repeats within a millisecond; with it, a handful in 700 ms.
    expect(backoffs.length).toBeLessThanOrEqual(8);
    expect(pool.stats().dialFailuresByCode).toEqual({ ECONNREFUSED: backoffs.length });
    expect(pool.targetStats()[0]).toMatchObject({ state: 'backoff', lastError: `ECONNREFUSED 127.0.0.1:${server.port}` });
  });

  it('skips a target in backoff and dials the next one round-robin', async () => {
    const down = await harness.server();
    await down.down();
    const up = await harness.server();
    const pool = harness.pool([down, up], { dialBackoffBaseMs: 5000, dialBackoffMaxMs: 5000 }, { random: () => 1 });
    const connections = [];
    for (let i = 0; i < 3; i++) connections.push(await pool.acquire());
    expect(connections.every((c) => c.targetId === 't2')).toBe(true);
    expect(pool.stats().dialFailures).toBe(1);
  });

  it('recovers after a target restart: dead connections are replaced and requests succeed', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { minIdle: 2, dialBackoffBaseMs: 20, dialBackoffMaxMs: 100 });
    await waitFor(() => pool.stats().idle === 2, { what: '2 idle connections' });
    const before = pool.connections().map((c) => c.id);
    await server.restart();
    await waitFor(() => pool.stats().closed['remote-closed'] === 2 && pool.stats().idle === 2, { what: 'replacement connections' });
    expect(
      pool
        .connections()
        .map((c) => c.id)
        .some((id) => before.includes(id)),
    ).toBe(false);
    const connection = await pool.acquire();
    expect((await connection.request(Buffer.from('back'), framed)).toString()).toBe('back');
  });

  it('recovers after a target was down for a while: waiters are served once it listens again', async () => {
    const server = await harness.server();
    await server.down();
    const pool = harness.pool([server], { acquireTimeoutMs: 5000, dialBackoffBaseMs: 20, dialBackoffMaxMs: 100 });
    const waiting = pool.acquire();
    await waitFor(() => pool.stats().dialFailures >= 2, { what: 'a few dial failures' });
    await server.up();
    const connection = await waiting;
    expect((await connection.request(Buffer.from('up'), framed)).toString()).toBe('up');
    expect(pool.targetStats()[0]?.state).toBe('up');
  });
});
