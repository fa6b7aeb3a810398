import { describe, expect, it } from 'vitest';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());

describe('wire faults through the pool', () => {
  it('a garbled reply is WIRE_BAD_REPLY, counted as a bad-reply close, and the connection is destroyed', async () => {
    const server = await harness.server({ garble: true });
    const pool = harness.pool([server]);
    const connection = await pool.acquire();
    await expect(connection.request(Buffer.from('hello'), { timeoutMs: 2000, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_BAD_REPLY',
    });
    expect(pool.stats()).toMatchObject({ open: 0, staleBorrows: 0 });
    expect(pool.stats().closed['bad-reply']).toBe(1);
    pool.release(connection);
    expect(pool.stats().idle).toBe(0);
  });

  it("framing 'none' with a 200 KiB payload takes a partial first read as the reply: WIRE_BAD_REPLY", async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const payload = Buffer.alloc(200 * 1024, 7);
    const naive = await pool.acquire();
    await expect(naive.request(payload, { timeoutMs: 5000, framing: 'none' })).rejects.toMatchObject({ code: 'WIRE_BAD_REPLY' });
    const framed = await pool.acquire();
    expect((await framed.request(payload, { timeoutMs: 5000, framing: 'length-prefixed' })).equals(payload)).toBe(true);
    expect(pool.stats().closed['bad-reply']).toBe(1);
  });

  it("framing 'none' works for a small payload that fits one read", async () => {
    const server = await harness.server();
    const pool = harness.pool([server]);
    const connection = await pool.acquire();
    expect((await connection.request(Buffer.from('tiny'), { timeoutMs: 2000, framing: 'none' })).toString()).toBe('tiny');
  });

  it('a reply frame over maxFrameBytes is WIRE_FRAME_TOO_LARGE and the connection is destroyed', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxFrameBytes: 1024 });
    const connection = await pool.acquire();
    await expect(connection.request(Buffer.alloc(4096), { timeoutMs: 2000, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_FRAME_TOO_LARGE',
    });
    expect(pool.stats().closed['bad-reply']).toBe(1);
  });

  it('a request that gets no reply in time is WIRE_REQUEST_TIMEOUT and closes the connection (error)', async () => {
    const server = await harness.server({ stall: true });
    const pool = harness.pool([server]);
    const connection = await pool.acquire();
    await expect(connection.request(Buffer.from('x'), { timeoutMs: 80, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_REQUEST_TIMEOUT',
    });
    expect(pool.stats().closed.error).toBe(1);
  });
});

describe('bytes that arrive with no request outstanding', () => {
  it('are kept up to maxFrameBytes, then dropped and the connection closed (unexpected-bytes)', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxFrameBytes: 1024, healthCheckMethod: 'none' });
    const events = harness.record(pool);
    const connection = await pool.acquire();
    pool.release(connection);
    const [peer] = server.sockets;
    peer!.write(Buffer.alloc(1000, 1));
    await waitFor(() => connection.link?.probe() === '1000 unexpected bytes waiting', { what: 'the first 1000 bytes to be kept' });
    expect(pool.stats()).toMatchObject({ open: 1, idle: 1 });
    peer!.write(Buffer.alloc(100, 2));
    await waitFor(() => pool.stats().closed['unexpected-bytes'] === 1, { what: 'the pool to close the flooding connection' });
    expect(pool.stats().open).toBe(0);
    expect(events).toContainEqual(expect.objectContaining({ type: 'connection-closed', reason: 'unexpected-bytes' }));
    await waitFor(() => server.openSockets === 0, { what: 'the server side to close' });
  });

  it('a borrowed connection flooded between requests is closed too; its next request fails, the pool serves on', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxFrameBytes: 1024 });
    const connection = await pool.acquire();
    for (const socket of server.sockets) socket.write(Buffer.alloc(64 * 1024, 3));
    await waitFor(() => pool.stats().closed['unexpected-bytes'] === 1, { what: 'the pool to close the flooding connection' });
    await expect(connection.request(Buffer.from('x'), { timeoutMs: 2000, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_CONNECTION_CLOSED',
    });
    pool.release(connection);
    expect((await pool.request(Buffer.from('next'), { timeoutMs: 2000, framing: 'length-prefixed' })).toString()).toBe('next');
  });
});
