import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionPool } from './connection-pool';
import { SocatEcho, socatAvailable, SOCAT_PATH } from './test-support/socat-echo';

let socat: SocatEcho | null = null;
let pool: ConnectionPool | null = null;
afterEach(async () => {
  await pool?.close();
  await socat?.stop();
  pool = null;
  socat = null;
});

// .ci installs socat; on a machine without it this one test is skipped, saying why.
describe.skipIf(!socatAvailable)(`against socat as a plain echo server (${SOCAT_PATH})`, () => {
  it('framed requests round-trip through the pool, including payloads split over many reads', async () => {
    socat = await SocatEcho.start();
    pool = new ConnectionPool({
      targets: [socat.target()],
      config: { maxOpen: 4, minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200 },
    });
    const payloads = [Buffer.from('hello socat'), Buffer.alloc(200 * 1024, 3), Buffer.alloc(1, 0)];
    await Promise.all(
      Array.from({ length: 12 }, async (_, n) => {
        const connection = await pool!.acquire();
        const payload = payloads[n % payloads.length]!;
        const reply = await connection.request(payload, { timeoutMs: 10_000, framing: 'length-prefixed' });
        expect(reply.equals(payload)).toBe(true);
        pool!.release(connection);
      }),
    );
    const connection = await pool.acquire();
    await expect(connection.request(Buffer.alloc(200 * 1024, 9), { timeoutMs: 10_000, framing: 'none' })).rejects.toMatchObject({
      code: 'WIRE_BAD_REPLY',
    });
    expect(pool.stats()).toMatchObject({ acquires: 13, dialFailures: 0 });
  });
});

if (!socatAvailable) {
  it.skip(`socat round trip: skipped because ${SOCAT_PATH} is missing (install socat to run it)`, () => {});
}
