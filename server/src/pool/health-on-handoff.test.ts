import { describe, expect, it } from 'vitest';
import type { ConnectionPool } from './connection-pool';
import type { PooledConnection } from './pooled-connection';
import { closeAfterEach } from '../test-support/close-after-each';
import { Harness } from './test-support/harness';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 5000, framing: 'length-prefixed' } as const;

/** `borrowers` closed loops of `rounds` borrows each: acquire, one request, release. */
async function borrowRounds(pool: ConnectionPool, borrowers: number, rounds: number): Promise<void> {
  await Promise.all(
    Array.from({ length: borrowers }, async () => {
      for (let round = 0; round < rounds; round++) {
        const connection = await pool.acquire();
        await connection.request(Buffer.from('x'), framed);
        pool.release(connection);
      }
    }),
  );
}

describe('health checks on handoff (a released connection lent straight to a waiter)', () => {
  it('validateAfterIdleMs 0 checks every lend: 10 connections, 50 borrowers, checks = borrows', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 10, healthCheckMethod: 'ping', validateAfterIdleMs: 0, acquireTimeoutMs: 30_000 });
    await borrowRounds(pool, 50, 4);
    const stats = pool.stats();
    expect(stats.acquires).toBe(200);
    expect(stats.acquiresWaited, 'most borrows were handoffs').toBeGreaterThan(100);
    expect(stats.healthChecksByMethod.ping.passed + stats.healthChecksByMethod.ping.failed).toBe(stats.acquires);
    expect(stats.healthChecksFailed).toBe(0);
  });

  it('pool.request() waiters are checked on handoff too', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 4, healthCheckMethod: 'probe', validateAfterIdleMs: 0, acquireTimeoutMs: 30_000 });
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.request(Buffer.from(`r${i}`), framed)));
    expect(replies.map(String)).toEqual(Array.from({ length: 40 }, (_, i) => `r${i}`));
    expect(pool.stats().healthChecksByMethod.probe.passed).toBe(40);
  });

  it('a non-zero threshold needs no check for a connection handed off the moment it was released', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 10, healthCheckMethod: 'ping', validateAfterIdleMs: 60_000, acquireTimeoutMs: 30_000 });
    await borrowRounds(pool, 50, 4);
    const stats = pool.stats();
    expect(stats.acquiresWaited).toBeGreaterThan(100);
    expect(stats.healthChecksPassed + stats.healthChecksFailed).toBe(0);
  });

  it('a handoff that fails its check closes the connection and the waiter keeps its place at the head', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], {
      maxOpen: 1,
      watchIdle: false,
      healthCheckMethod: 'ping',
      validateAfterIdleMs: 0,
      acquireTimeoutMs: 30_000,
    });
    const held = await pool.acquire();
    const order: string[] = [];
    const lent = (name: string) => (connection: PooledConnection) => {
      order.push(name);
      return connection;
    };
    const first = pool.acquire().then(lent('first'));
    const second = pool.acquire().then(lent('second'));
    await waitFor(() => pool.stats().waiting === 2, { what: 'two waiters' });
    for (const socket of server.sockets) socket.end();
    await waitFor(() => held.link?.goneReason != null, { what: "the FIN to reach the pool's socket" });
    pool.release(held);
    const replacement = await first;
    expect(order).toEqual(['first']);
    expect(replacement.id).not.toBe(held.id);
    expect((await replacement.request(Buffer.from('ok'), framed)).toString()).toBe('ok');
    expect(pool.stats()).toMatchObject({ waiting: 1, closed: expect.objectContaining({ 'health-check': 1 }) });
    pool.release(replacement);
    expect((await second).id).toBe(replacement.id);
    expect(order).toEqual(['first', 'second']);
  });
});
