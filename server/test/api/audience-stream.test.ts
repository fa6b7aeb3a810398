import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import { KEYFRAME_EVERY_TICKS } from '../../src/api/audience-encoder';
import { Lab } from '../../src/lab/lab';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { bytesPerSecond, countingViewer } from '../test-support/audience-client';

/** The budget for one audience viewer on classroom Wi-Fi. */
const AUDIENCE_BYTES_PER_SECOND = 20_000;
const SAMPLE_HZ = 10;
/** Four seconds of ticks: several keyframes, so the average is not one frame's luck. */
const MEASURED_TICKS = 40;
const DEADLINE_MS = 30_000;

/** A listening lab at the default load (two embedded targets, the default pool and load), as `npm start` runs it. */
async function defaultLab(track: <T extends { close(): unknown }>(thing: T) => T): Promise<{ lab: Lab; url: string }> {
  const lab = await Lab.start({ sampleHz: SAMPLE_HZ });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null) });
  track({
    close: async () => {
      await lab.close();
      await app.close();
    },
  });
  return { lab, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

describe('the audience stream at the default load', () => {
  const track = closeAfterEach();

  it(`averages at most ${AUDIENCE_BYTES_PER_SECOND / 1000} KB/s per audience viewer, where a full viewer receives several times that`, async () => {
    const { url } = await defaultLab(track);
    const audience = track(countingViewer(url, { audience: true }));
    const full = track(countingViewer(url, { audience: false }));
    await waitFor(() => audience.received.length >= 3 && full.received.length >= 3, { timeoutMs: DEADLINE_MS, what: 'both streaming' });
    // Past the connect (handshake, first frames) and the first keyframe: the steady stream is what a class pays for.
    const from = Math.max(audience.last(), full.last()) + 1;
    await waitFor(() => audience.last() >= from + MEASURED_TICKS && full.last() >= from + MEASURED_TICKS, {
      timeoutMs: DEADLINE_MS,
      what: `${MEASURED_TICKS} ticks on both`,
    });
    const audienceRate = bytesPerSecond(audience.received, from, SAMPLE_HZ);
    const fullRate = bytesPerSecond(full.received, from, SAMPLE_HZ);
    expect(audienceRate).toBeLessThanOrEqual(AUDIENCE_BYTES_PER_SECOND);
    expect(fullRate).toBeGreaterThan(2 * audienceRate);
    // The audience viewer got frames only, after the one plain snapshot it was sent on joining (its
    // page draws that without its inflater); the ordinary viewer full snapshots only, as before.
    expect(audience.counts().fullSnapshots).toBe(1);
    expect(audience.received[0]?.snapshot.seq).toBeLessThan(from);
    expect(audience.counts().frames).toBeGreaterThan(MEASURED_TICKS);
    expect(full.counts().frames).toBe(0);
  });

  it('carries every snapshot complete: each decoded frame equals the full snapshot of the same seq', async () => {
    const { url } = await defaultLab(track);
    const full = track(countingViewer(url, { audience: false }));
    await waitFor(() => full.received.length >= 1, { timeoutMs: DEADLINE_MS, what: 'the full viewer streaming' });
    const audience = track(countingViewer(url, { audience: true }));
    const until = full.last() + 3 * KEYFRAME_EVERY_TICKS;
    await waitFor(() => audience.last() >= until && full.last() >= until, { timeoutMs: DEADLINE_MS, what: `seq ${until} on both` });
    const fullBySeq = new Map(full.received.map((r) => [r.snapshot.seq, r.snapshot]));
    const shared = audience.received.filter((r) => fullBySeq.has(r.snapshot.seq));
    expect(shared.length).toBeGreaterThan(2 * KEYFRAME_EVERY_TICKS);
    for (const { snapshot } of shared) expect(snapshot).toEqual(fullBySeq.get(snapshot.seq));
    // A viewer joining mid-second shows the plain snapshot it is sent, and decodes every frame after
    // it: it is also sent the keyframe the next frames refer to.
    expect(audience.counts().fullSnapshots).toBe(1);
    expect(audience.counts().undecodable).toBe(0);
  });
});
