import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { startRelayedLab, startTestRelay } from '../test-support/relayed-lab';
import { startTestRedis } from '../test-support/redis-server';

const DEADLINE_MS = 15_000;

describe('shutting down while Redis is away (real redis-server, killed)', () => {
  const track = closeAfterEach();

  // Vitest fails the run on an unhandled rejection, as Node would crash the process on one: closing a
  // subscriber while Redis was away used to leave node-redis's queued resubscriptions rejected and unhandled.
  it('the lab and a relay close without an unhandled rejection', async () => {
    const redis = track(await startTestRedis());
    const lab = await startRelayedLab(redis.url, { controlToken: 'token' });
    const relay = await startTestRelay(redis.url);
    await waitFor(() => relay.status.received >= 2, { timeoutMs: DEADLINE_MS, what: 'the relay receiving the stream' });
    await redis.kill();
    await waitFor(() => !relay.status.connected && !lab.publisher.status.connected, {
      timeoutMs: DEADLINE_MS,
      what: 'both seeing Redis gone',
    });
    await relay.close();
    await lab.close();
    // Past the window in which an unhandled rejection would be reported.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(relay.status.connected).toBe(false);
  });
});
