import type { HealthCheckMethod } from '@poolscope/shared/pool-config';
import { describe, expect, it } from 'vitest';
import type { ConnectionPool } from './connection-pool';
import type { PooledConnection } from './pooled-connection';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import type { TestEchoServer } from './test-support/test-echo-server';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 300, framing: 'length-prefixed' } as const;

/** A pool holding one idle connection, checked on every borrow, that does not watch idle sockets. */
async function poolWithOneIdle(
  method: HealthCheckMethod,
): Promise<{ server: TestEchoServer; pool: ConnectionPool; firstId: number; first: PooledConnection }> {
  const server = await harness.server();
  const pool = harness.pool([server], { healthCheckMethod: method, watchIdle: false, validateAfterIdleMs: 0, healthCheckTimeoutMs: 150 });
  const first = await pool.acquire();
  pool.release(first);
  return { server, pool, firstId: first.id, first };
}

/** The peer closes; returns once the pool's socket has seen it (the pool itself does not react: watchIdle off). */
async function peerCloses(server: TestEchoServer, pooled: PooledConnection): Promise<void> {
  for (const socket of server.sockets) socket.end();
  await waitFor(() => pooled.link?.goneReason != null, { what: "the FIN to reach the pool's socket" });
}

describe('health-check methods (watchIdle off)', () => {
  it('naive-probe passes a peer-closed connection (EOF reads as "healthy"), so the borrow is stale', async () => {
    const { server, pool, firstId, first } = await poolWithOneIdle('naive-probe');
    await peerCloses(server, first);
    const connection = await pool.acquire();
    expect(connection.id).toBe(firstId);
    await expect(connection.request(Buffer.from('x'), framed)).rejects.toMatchObject({ code: 'WIRE_CONNECTION_CLOSED' });
    // Two passes: the first borrow (a fresh connection: 0 checks every lend) and the stale one.
    expect(pool.stats()).toMatchObject({ staleBorrows: 1, healthChecksByMethod: { 'naive-probe': { passed: 2, failed: 0 } } });
    expect(pool.stats().closed['remote-closed']).toBe(1);
  });

  it.each(['probe', 'ping'] as const)('%s fails a peer-closed connection and the borrower gets a fresh one', async (method) => {
    const { server, pool, firstId, first } = await poolWithOneIdle(method);
    await peerCloses(server, first);
    const connection = await pool.acquire();
    expect(connection.id).not.toBe(firstId);
    expect((await connection.request(Buffer.from('x'), framed)).toString()).toBe('x');
    // Passed twice: the first borrow and the replacement (0 checks every lend, fresh ones too).
    expect(pool.stats()).toMatchObject({ staleBorrows: 0, healthChecksByMethod: { [method]: { passed: 2, failed: 1 } } });
    expect(pool.stats().closed['health-check']).toBe(1);
  });

  it('naive-probe fails a connection with a stray byte waiting, and consumes that byte', async () => {
    const { server, pool, firstId, first } = await poolWithOneIdle('naive-probe');
    for (const socket of server.sockets) socket.write(Buffer.from([1]));
    await waitFor(() => first.link?.probe() != null, { what: 'the stray byte to arrive' });
    const connection = await pool.acquire();
    expect(connection.id).not.toBe(firstId);
    expect(pool.stats().healthChecksByMethod['naive-probe'].failed).toBe(1);
  });

  it('probe passes a stalled peer (no bytes are sent) and the request then times out', async () => {
    const { server, pool, firstId } = await poolWithOneIdle('probe');
    server.knobs.stall = true;
    const connection = await pool.acquire();
    expect(connection.id).toBe(firstId);
    await expect(connection.request(Buffer.from('x'), framed)).rejects.toMatchObject({ code: 'WIRE_REQUEST_TIMEOUT' });
    expect(pool.stats().staleBorrows).toBe(1);
  });

  it('ping fails a stalled peer when healthCheckTimeoutMs runs out, and the borrower gets another connection', async () => {
    const { server, pool, firstId } = await poolWithOneIdle('ping');
    // Only the open connection stalls (its server side stops reading): the replacement is pinged
    // too (every lend is checked) and must be able to answer.
    for (const socket of server.sockets) socket.pause();
    const connection = await pool.acquire();
    expect(connection.id).not.toBe(firstId);
    expect(pool.stats().healthChecksByMethod.ping.failed).toBe(1);
  });

  it("'none' never checks: the dead connection is handed out and its first request fails", async () => {
    const { server, pool, firstId, first } = await poolWithOneIdle('none');
    await peerCloses(server, first);
    const connection = await pool.acquire();
    expect(connection.id).toBe(firstId);
    await expect(connection.request(Buffer.from('x'), framed)).rejects.toMatchObject({ code: 'WIRE_CONNECTION_CLOSED' });
    expect(pool.stats()).toMatchObject({ staleBorrows: 1, healthChecksPassed: 0, healthChecksFailed: 0 });
  });

  it('skips the check on borrow when the connection was used within validateAfterIdleMs', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { validateAfterIdleMs: 60_000 });
    pool.release(await pool.acquire());
    pool.release(await pool.acquire());
    expect(pool.stats().healthChecksPassed + pool.stats().healthChecksFailed).toBe(0);
  });
});
