import { describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LabConfig, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { History } from '@poolscope/shared/history';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { waitFor } from '../../src/test-support/wait-for';
import { startRelayedLab, startTestRelay, buildRelayOn } from '../test-support/relayed-lab';
import { startTestRedis } from '../test-support/redis-server';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Generous: a loaded 2-core machine; the design figure is a reconnect at most a second apart (redis-link.ts). */
const DEADLINE_MS = 15_000;

/** A viewer that records every snapshot's seq, and whether its connection ever dropped. */
function viewer(track: <T extends { close(): unknown }>(thing: T) => T, url: string) {
  const socket: Client = track(connect(url, { transports: ['websocket'] }));
  const seqs: number[] = [];
  let disconnects = 0;
  socket.on('snapshot', (snapshot) => seqs.push(snapshot.seq));
  socket.on('disconnect', () => {
    disconnects += 1;
  });
  return { socket, seqs, disconnects: () => disconnects, last: () => seqs.at(-1) ?? -1 };
}

describe('relays over a real redis-server', () => {
  const track = closeAfterEach();

  it('viewers on two relays receive the same seq sequence as a viewer on the lab', async () => {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url));
    const relays = [track(await startTestRelay(redis.url)), track(await startTestRelay(redis.url))];
    const onLab = viewer(track, lab.url);
    const onRelays = relays.map((relay) => viewer(track, relay.url));
    const everyone = [onLab, ...onRelays];
    await waitFor(() => onRelays.every((v) => v.seqs.length >= 2), { timeoutMs: DEADLINE_MS, what: 'relay viewers streaming' });
    // The first snapshots differ by design (each door sends its latest on connect); compare a window after all are live.
    const from = Math.max(...everyone.map((v) => v.last())) + 1;
    const to = from + 20;
    await waitFor(() => everyone.every((v) => v.last() >= to), { timeoutMs: DEADLINE_MS, what: `seq ${to} everywhere` });
    const window = (seqs: number[]) => seqs.filter((seq) => seq >= from && seq <= to);
    expect(window(onLab.seqs).length).toBeGreaterThan(10);
    for (const relayViewer of onRelays) expect(window(relayViewer.seqs)).toEqual(window(onLab.seqs));
  });

  it("the presenter sees the relays' viewers summed in snapshot.relayViewers, beside the lab's own", async () => {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url));
    const relays = [track(await startTestRelay(redis.url)), track(await startTestRelay(redis.url))];
    viewer(track, lab.url);
    viewer(track, relays[0]!.url);
    viewer(track, relays[1]!.url);
    viewer(track, relays[1]!.url);
    await waitFor(() => lab.lab.snapshot().relayViewers === 3, { timeoutMs: DEADLINE_MS, what: 'three relay viewers summed' });
    expect(lab.lab.snapshot().viewers).toBe(1);
  });

  it("a relay gives a new viewer the latest snapshot at once and the lab's history, from before the relay started", async () => {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url));
    await waitFor(() => lab.lab.history().samples.length >= 3, { timeoutMs: DEADLINE_MS, what: 'three seconds of lab history' });
    const relay = track(await startTestRelay(redis.url));
    await waitFor(() => relay.status.received >= 3, { timeoutMs: DEADLINE_MS, what: 'the relay receiving the stream' });
    const late = viewer(track, relay.url);
    await waitFor(() => late.seqs.length >= 1, { timeoutMs: DEADLINE_MS, what: 'a first snapshot' });
    const history = await new Promise<Ack<History>>((resolve) => late.socket.emit('history:get', {}, resolve));
    expect(history.ok).toBe(true);
    if (history.ok) {
      expect(history.data.samples.length).toBeGreaterThan(0);
      const seqs = history.data.samples.map((sample) => sample.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // Older than the relay: read from what the lab keeps in Redis, not only what the relay saw itself.
      expect(seqs[0]).toBe(lab.lab.history().samples[0]?.seq);
    }
    expect(lab.publisher.status.errors).toBe(0);
    // The dashboard names the lesson step and scenario from these: a relay serves them as the lab does.
    const lessons = await fetch(`${relay.url}/api/lessons`);
    expect(lessons.status).toBe(200);
    expect(((await lessons.json()) as unknown[]).length).toBeGreaterThan(0);
    expect(await (await fetch(`${relay.url}/api/scenarios`)).json()).toEqual(lab.lab.scenarios());
    const front = await fetch(`${relay.url}/`, { redirect: 'manual' });
    expect(front.status).toBe(302);
    expect(front.headers.get('location')).toBe('/?audience=1');
  });

  it('refuses every control sent to a relay without the control token with FORBIDDEN, and changes nothing', async () => {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url));
    const relay = track(await startTestRelay(redis.url));
    const { socket } = viewer(track, relay.url);
    const before = lab.lab.config().pool.maxOpen;
    const patch = await new Promise<Ack<LabConfig>>((resolve) => socket.emit('config:patch', { pool: { maxOpen: before + 3 } }, resolve));
    expect(patch.ok).toBe(false);
    if (!patch.ok) {
      expect(patch.error.code).toBe('FORBIDDEN');
      expect(patch.error.message).toContain('read-only');
    }
    const scenario = await new Promise<Ack<LabConfig>>((resolve) => socket.emit('scenario:apply', { id: 'baseline' }, resolve));
    expect(scenario.ok).toBe(false);
    expect(lab.lab.config().pool.maxOpen).toBe(before);
  });

  it('Redis killed and restarted mid-stream: relay viewers resume without reconnecting, the lab never stops', async () => {
    const redis = track(await startTestRedis());
    const lab = track(await startRelayedLab(redis.url));
    const relay = track(await startTestRelay(redis.url));
    const onLab = viewer(track, lab.url);
    const onRelay = viewer(track, relay.url);
    await waitFor(() => onRelay.seqs.length >= 3, { timeoutMs: DEADLINE_MS, what: 'relay viewer streaming' });
    await redis.kill();
    const atKill = onLab.last();
    // While Redis is gone the lab keeps streaming to its own viewers and only skips its publishes.
    await waitFor(() => onLab.last() >= atKill + 5, { timeoutMs: DEADLINE_MS, what: 'the lab streaming without Redis' });
    await waitFor(() => lab.publisher.status.dropped > 0, { timeoutMs: DEADLINE_MS, what: 'publishes skipped' });
    await redis.start();
    const atRestart = onLab.last();
    await waitFor(() => onRelay.last() > atRestart, { timeoutMs: DEADLINE_MS, what: 'relay viewer resuming' });
    expect(onRelay.disconnects()).toBe(0);
    expect(onLab.disconnects()).toBe(0);
  });

  it('a relay gone (its transports cut, as a kill does): its viewers reconnect by themselves to a relay back on that address', async () => {
    const redis = track(await startTestRedis());
    track(await startRelayedLab(redis.url));
    const first = await startTestRelay(redis.url);
    track(() => (first.app.server.listening ? first.close() : undefined));
    const port = Number(new URL(first.url).port);
    const onRelay = viewer(track, first.url);
    await waitFor(() => onRelay.seqs.length >= 2, { timeoutMs: DEADLINE_MS, what: 'relay viewer streaming' });
    await first.close();
    await waitFor(() => onRelay.disconnects() === 1, { timeoutMs: DEADLINE_MS, what: 'the viewer noticing' });
    const atClose = onRelay.last();
    const second = track(await buildRelayOn(redis.url, port));
    await waitFor(() => onRelay.socket.connected && onRelay.last() > atClose, {
      timeoutMs: DEADLINE_MS,
      what: 'the viewer back on the new relay',
    });
    expect(second.io.of('/').sockets.size).toBe(1);
  });

  it('a relay started while Redis is down streams once Redis is up (its subscription is made on a connected client)', async () => {
    const redis = track(await startTestRedis({ started: false }));
    const lab = track(await startRelayedLab(redis.url));
    const starting = buildRelayOn(redis.url, 0);
    // The relay's first connection attempts fail while Redis is down (as a first connect that timed out on a loaded machine does).
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redis.start();
    const relay = track(await starting);
    const onRelay = viewer(track, relay.url);
    await waitFor(() => onRelay.seqs.length >= 3, { timeoutMs: DEADLINE_MS, what: 'the relay streaming once Redis is up' });
    expect(relay.status.received).toBeGreaterThan(0);
    expect(lab.publisher.status.connected).toBe(true);
  }, 40_000);

  it('a Redis that is down at lab start: the lab still starts and streams, and joins Redis once it is up', async () => {
    const redis = track(await startTestRedis({ started: false }));
    const lab = track(await startRelayedLab(redis.url));
    const onLab = viewer(track, lab.url);
    await waitFor(() => onLab.seqs.length >= 5, { timeoutMs: DEADLINE_MS, what: 'the lab streaming without Redis' });
    const metrics = await (await fetch(`${lab.url}/metrics`)).text();
    expect(metrics).toMatch(/^poolscope_redis_connected 0$/m);
    expect(metrics).toMatch(/^poolscope_redis_dropped_total [1-9]/m);
    await redis.start();
    const relay = track(await startTestRelay(redis.url));
    const onRelay = viewer(track, relay.url);
    await waitFor(() => onRelay.seqs.length >= 3, { timeoutMs: DEADLINE_MS, what: 'the relay streaming once Redis is up' });
    expect(lab.publisher.status.connected).toBe(true);
  });
});
