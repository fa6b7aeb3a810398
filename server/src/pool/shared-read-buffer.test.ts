import { describe, expect, it } from 'vitest';
import type { SocketLink } from './socket-link';
import { Harness } from './test-support/harness';
import { closeAfterEach } from '../test-support/close-after-each';
import { waitFor } from '../test-support/wait-for';

const harness = new Harness(closeAfterEach());
const framed = { timeoutMs: 2000, framing: 'length-prefixed' } as const;

/** Every pooled socket reads into one shared buffer; what a link hands out or keeps must be its own. */
describe('the shared read buffer, over real sockets', () => {
  it('a reply stays intact while other connections read replies after it', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 4 });
    const first = await pool.request(Buffer.from('first reply'), framed);
    const others = await Promise.all(
      ['b'.repeat(40), 'c'.repeat(40), 'd'.repeat(40), 'e'.repeat(40)].map((text) => pool.request(Buffer.from(text), framed)),
    );
    expect(first.toString()).toBe('first reply');
    expect(others.map((reply) => reply.toString()[0])).toEqual(['b', 'c', 'd', 'e']);
  });

  it('stray bytes kept on an idle connection stay intact while another connection reads', async () => {
    const server = await harness.server();
    const pool = harness.pool([server], { maxOpen: 2, watchIdle: false });
    const [idle, busy] = [await pool.acquire(), await pool.acquire()];
    const idleLink = idle.link as SocketLink;
    pool.release(idle);
    const [idleSocket] = [...server.sockets];
    idleSocket!.write('stray bytes');
    await waitFor(() => idleLink.probe() !== null, { what: 'the stray bytes to arrive' });
    for (let i = 0; i < 5; i++) expect((await busy.request(Buffer.from(`overwrite ${i}`), framed)).toString()).toBe(`overwrite ${i}`);
    expect(Buffer.concat(idleLink.unexpected).toString()).toBe('stray bytes');
  });
});
