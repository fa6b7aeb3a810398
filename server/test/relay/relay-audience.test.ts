import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { KEYFRAME_EVERY_TICKS } from '../../src/api/audience-encoder';
import { startRelayedLab, startTestRelay } from '../test-support/relayed-lab';
import { startTestRedis } from '../test-support/redis-server';
import { bytesPerSecond, countingViewer } from '../test-support/audience-client';

const DEADLINE_MS = 20_000;
const SAMPLE_HZ = 10;

describe('audience viewers on a relay (real redis-server)', () => {
  const track = closeAfterEach();

  it("get the light stream, complete, while the relay's ordinary viewers keep full snapshots at every tick", async () => {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url));
    const relay = track(await startTestRelay(redis.url));
    const onLab = track(countingViewer(lab.url, { audience: false }));
    const audience = track(countingViewer(relay.url, { audience: true }));
    const ordinary = track(countingViewer(relay.url, { audience: false }));
    const everyone = [onLab, audience, ordinary];
    await waitFor(() => everyone.every((v) => v.received.length >= 2), { timeoutMs: DEADLINE_MS, what: 'everyone streaming' });
    const from = Math.max(...everyone.map((v) => v.last())) + 1;
    const to = from + 3 * KEYFRAME_EVERY_TICKS;
    await waitFor(() => everyone.every((v) => v.last() >= to), { timeoutMs: DEADLINE_MS, what: `seq ${to} everywhere` });

    // At most the plain snapshot a joining viewer is sent (none when the relay had not heard from the lab yet).
    expect(audience.counts().fullSnapshots).toBeLessThanOrEqual(1);
    expect(audience.counts().undecodable).toBe(0);
    expect(ordinary.counts().frames).toBe(0);
    // Complete: every tick the lab's viewer saw reached the relay's audience viewer, value for value.
    const window = <T extends { snapshot: { seq: number } }>(received: T[]) =>
      received.filter((r) => r.snapshot.seq >= from && r.snapshot.seq <= to);
    const labWindow = window(onLab.received).map((r) => r.snapshot);
    expect(labWindow.length).toBeGreaterThan(KEYFRAME_EVERY_TICKS);
    const labBySeq = new Map(labWindow.map((s) => [s.seq, s]));
    const audienceWindow = window(audience.received).map((r) => r.snapshot);
    // Volatile frames may drop on a busy machine, as full snapshots may; nearly all arrive, each one whole.
    expect(audienceWindow.length).toBeGreaterThanOrEqual(labWindow.length * 0.9);
    for (const snapshot of audienceWindow) expect(snapshot).toEqual(labBySeq.get(snapshot.seq));
    expect(window(ordinary.received).length).toBeGreaterThanOrEqual(labWindow.length * 0.9);
    // Light: a fraction of what the relay's ordinary viewer receives for the same ticks.
    expect(bytesPerSecond(audience.received, from, SAMPLE_HZ)).toBeLessThan(bytesPerSecond(ordinary.received, from, SAMPLE_HZ) / 2);
  });
});
