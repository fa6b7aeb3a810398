import { describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LabConfig, ServerToClientEvents } from '@poolscope/shared/protocol';
import { AUDIENCE_STREAM_QUERY_KEY, AUDIENCE_STREAM_QUERY_VALUE } from '@poolscope/shared/audience-stream';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { startRelayedLab, startTestRelay } from '../test-support/relayed-lab';
import { startTestRedis } from '../test-support/redis-server';
import { CONTROL_CHANNEL, controlReplyChannel } from '../../src/relay/control-forwarding';
import { closeRedisClient, newRedisLinkStatus, openRedisClient } from '../../src/relay/redis-link';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const DEADLINE_MS = 15_000;
const TOKEN = 'sesame-for-the-presenter';

describe('controls sent to a relay (real redis-server)', () => {
  const track = closeAfterEach();

  async function labAndRelay(controlToken?: string) {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url, controlToken === undefined ? {} : { controlToken }));
    const relay = track(await startTestRelay(redis.url));
    await waitFor(() => relay.status.received >= 2, { timeoutMs: DEADLINE_MS, what: 'the relay receiving the stream' });
    // Both ends subscribed (the lab to the control channel, the relay to its reply channel): then every answer below is real.
    const probe = openRedisClient(redis.url, newRedisLinkStatus());
    track({ close: () => closeRedisClient(probe) });
    await waitFor(
      async () =>
        probe.isReady &&
        Number((await probe.pubSubNumSub(CONTROL_CHANNEL))[CONTROL_CHANNEL]) === 1 &&
        (await probe.pubSubChannels(controlReplyChannel('*'))).length === 1,
      { timeoutMs: DEADLINE_MS, what: 'the lab and the relay subscribed' },
    );
    const client = (options: { token?: string; audience?: boolean } = {}): Client =>
      track(
        connect(relay.url, {
          transports: ['websocket'],
          auth: options.token === undefined ? {} : { token: options.token },
          query: options.audience ? { [AUDIENCE_STREAM_QUERY_KEY]: AUDIENCE_STREAM_QUERY_VALUE } : {},
        }),
      );
    const patchMaxOpen = (socket: Client, maxOpen: unknown) =>
      new Promise<Ack<LabConfig>>((resolve) => socket.emit('config:patch', { pool: { maxOpen } } as never, resolve));
    return { redis, lab, relay, client, patchMaxOpen };
  }

  it("reach the lab with the lab's control token, and the lab's answer comes back as the ack", async () => {
    const { lab, client, patchMaxOpen } = await labAndRelay(TOKEN);
    const before = lab.lab.config().pool.maxOpen;
    const presenter = client({ token: TOKEN });
    const ack = await patchMaxOpen(presenter, before + 3);
    expect(ack.ok && ack.data.pool.maxOpen).toBe(before + 3);
    expect(lab.lab.config().pool.maxOpen).toBe(before + 3);

    // Bad input is refused by the lab as on its own address, and nothing changes.
    const bad = await patchMaxOpen(presenter, -1);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_CONFIG');
    expect(lab.lab.config().pool.maxOpen).toBe(before + 3);
  });

  it('are refused by the lab with a wrong token, and by the relay with none or from the audience view', async () => {
    const { lab, client, patchMaxOpen } = await labAndRelay(TOKEN);
    const before = lab.lab.config().pool.maxOpen;
    const wrong = await patchMaxOpen(client({ token: 'wrong' }), before + 1);
    expect(wrong.ok || wrong.error).toMatchObject({ code: 'FORBIDDEN', message: 'wrong control token' });

    const none = await patchMaxOpen(client(), before + 1);
    expect(none.ok || none.error.code).toBe('FORBIDDEN');
    expect(none.ok || none.error.message).toContain('read-only');

    const audience = await patchMaxOpen(client({ token: TOKEN, audience: true }), before + 1);
    expect(audience.ok || audience.error.code).toBe('FORBIDDEN');
    expect(audience.ok || audience.error.message).toContain('audience');

    expect(lab.lab.config().pool.maxOpen).toBe(before);
  });

  it('are refused by a lab that has no control token (bound to loopback): its own address is the only way in', async () => {
    const { lab, client, patchMaxOpen } = await labAndRelay();
    const before = lab.lab.config().pool.maxOpen;
    const ack = await patchMaxOpen(client({ token: 'anything' }), before + 1);
    expect(ack.ok || ack.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('no control token') });
    expect(lab.lab.config().pool.maxOpen).toBe(before);
  });

  it('are answered LAB_UNREACHABLE while Redis is down, and the relay keeps serving', async () => {
    const { redis, lab, relay, client, patchMaxOpen } = await labAndRelay(TOKEN);
    const presenter = client({ token: TOKEN });
    await waitFor(() => presenter.connected, { timeoutMs: DEADLINE_MS, what: 'the presenter connected' });
    const before = lab.lab.config().pool.maxOpen;
    await redis.kill();
    await waitFor(() => !relay.status.connected, { timeoutMs: DEADLINE_MS, what: 'the relay seeing Redis gone' });
    const ack = await patchMaxOpen(presenter, before + 2);
    expect(ack.ok || ack.error.code).toBe('LAB_UNREACHABLE');
    expect(lab.lab.config().pool.maxOpen).toBe(before);
    expect((await fetch(`${relay.url}/api/lessons`)).status).toBe(200);
  });
});
