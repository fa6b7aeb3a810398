import { describe, expect, it } from 'vitest';
import { EchoTarget } from '../targets/echo-target';
import { ConnectionPool } from './connection-pool';
import { closeAfterEach } from '../test-support/close-after-each';

const track = closeAfterEach();

async function slowEchoPool(latencyMs: number): Promise<ConnectionPool> {
  const target = track(await EchoTarget.start({ knobs: { latencyMs, jitterMs: 0 } }));
  return track(new ConnectionPool({ targets: [{ id: 'slow', host: '127.0.0.1', port: target.port }], config: { maxOpen: 1, minIdle: 0 } }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('request timeout on a reused connection', () => {
  it("runs from each request's own start, not from an earlier request's", async () => {
    const pool = await slowEchoPool(60);
    const connection = await pool.acquire();
    const options = { timeoutMs: 200, framing: 'length-prefixed' } as const;
    await connection.request(Buffer.from('one'), options);
    // The second request spans the first one's deadline (~200 ms after it started) and must not fail there.
    await sleep(100);
    await expect(connection.request(Buffer.from('two'), options)).resolves.toBeInstanceOf(Buffer);
    pool.release(connection);
    expect(pool.stats().closed.error).toBe(0);
  });

  it('follows a changed timeoutMs on the next request', async () => {
    const pool = await slowEchoPool(60);
    const connection = await pool.acquire();
    await connection.request(Buffer.from('one'), { timeoutMs: 5000, framing: 'length-prefixed' });
    // The echo takes 60 ms: only the new 20 ms deadline, not the old 5 s one, can fail this request.
    await expect(connection.request(Buffer.from('two'), { timeoutMs: 20, framing: 'length-prefixed' })).rejects.toMatchObject({
      code: 'WIRE_REQUEST_TIMEOUT',
    });
  });
});
