import { describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LabConfig, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { History } from '@poolscope/shared/history';
import type { Snapshot } from '@poolscope/shared/snapshot';
import type { Lab } from '../../src/lab/lab';
import { CONTROL_BURST, HISTORY_BURST } from '../../src/api/socket-gateway';
import { closeAfterEach } from '../../src/test-support/close-after-each';
import { startTestLab } from '../test-support/test-lab';
import { waitFor } from '../../src/test-support/wait-for';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('Socket.IO gateway against a listening server', () => {
  const track = closeAfterEach();
  let lab: Lab | undefined;

  async function listen(token: string | null = null): Promise<string> {
    const t = track(await startTestLab({ embeddedTargets: 1, sampleHz: 10, load: { concurrency: 2 }, ...(token ? { token } : {}) }));
    lab = t.lab;
    return t.app.listen({ port: 0, host: '127.0.0.1' });
  }

  function client(url: string, auth: Record<string, string> = {}): Client {
    return track(connect(url, { transports: ['websocket'], auth, reconnection: false }));
  }

  const nextSnapshot = (socket: Client) => new Promise<Snapshot>((resolve) => socket.once('snapshot', resolve));
  const patch = (socket: Client, body: unknown) =>
    new Promise<Ack<LabConfig>>((resolve) => socket.emit('config:patch', body as never, resolve));

  it('sends the latest snapshot on connect and then streams strictly increasing seq', async () => {
    const socket = client(await listen());
    const first = await nextSnapshot(socket);
    const second = await nextSnapshot(socket);
    const third = await nextSnapshot(socket);
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(third.seq).toBeGreaterThan(second.seq);
  });

  it('acks a valid config:patch with the new config and an invalid one with an error, applying nothing', async () => {
    const socket = client(await listen());
    await nextSnapshot(socket);
    const ok = await patch(socket, { pool: { maxOpen: 6, maxIdle: 6 } });
    expect(ok).toMatchObject({ ok: true, data: { pool: { maxOpen: 6 } } });
    const before = JSON.stringify(lab!.config());
    const bad = await patch(socket, { pool: { maxOpen: 'many' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('INVALID_CONFIG');
      expect(bad.error.details[0]?.path).toBe('/pool/maxOpen');
    }
    expect(JSON.stringify(lab!.config())).toBe(before);
    const notObject = await patch(socket, 'maxOpen=3');
    expect(notObject.ok).toBe(false);
  });

  it('lets a viewer without the token watch but not control', async () => {
    const url = await listen('tok-123');
    const viewer = client(url);
    await nextSnapshot(viewer);
    const refused = await patch(viewer, { pool: { maxOpen: 3, maxIdle: 3, minIdle: 1 } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = client(url, { token: 'tok-12' });
    expect(await patch(wrong, { pool: { maxOpen: 3, maxIdle: 3, minIdle: 1 } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const operator = client(url, { token: 'tok-123' });
    expect(await patch(operator, { pool: { maxOpen: 3, maxIdle: 3, minIdle: 1 } })).toMatchObject({ ok: true });
  });

  it('rate limits control events per client address', async () => {
    const socket = client(await listen());
    await nextSnapshot(socket);
    const acks = await Promise.all(Array.from({ length: CONTROL_BURST * 3 }, (_, i) => patch(socket, { load: { thinkMs: 10 + i } })));
    const limited = acks.filter((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(acks.filter((ack) => ack.ok).length).toBeGreaterThanOrEqual(CONTROL_BURST);
  });

  it('does not refill the control bucket when the client reconnects or opens a second socket', async () => {
    const url = await listen();
    const first = client(url);
    await nextSnapshot(first);
    const spent = await Promise.all(Array.from({ length: CONTROL_BURST * 2 }, (_, i) => patch(first, { load: { thinkMs: 10 + i } })));
    expect(spent.some((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED')).toBe(true);
    first.disconnect();
    const again = client(url);
    const second = client(url);
    await Promise.all([nextSnapshot(again), nextSnapshot(second)]);
    // A fresh bucket would ack CONTROL_BURST of these; a shared one has refilled only a few since.
    const acks = await Promise.all(
      Array.from({ length: CONTROL_BURST }, (_, i) => patch(i % 2 ? again : second, { load: { thinkMs: 10 + i } })),
    );
    expect(acks.filter((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED').length).toBeGreaterThan(0);
  });

  it('answers history:get to any viewer, even without the token, and rate limits it apart from the controls', async () => {
    const url = await listen('tok-history');
    const viewer = client(url);
    await nextSnapshot(viewer);
    await waitFor(() => lab!.history().samples.length >= 2, { what: 'two history samples' });
    const getHistory = () => new Promise<Ack<History>>((resolve) => viewer.emit('history:get', {}, resolve));
    const first = await getHistory();
    expect(first.ok).toBe(true);
    if (first.ok) {
      expect(first.data.samples.length).toBeGreaterThanOrEqual(2);
      expect(first.data.samples.at(-1)!.t).toBeLessThanOrEqual(Date.now());
    }
    const acks = await Promise.all(Array.from({ length: HISTORY_BURST }, () => getHistory()));
    expect(acks.some((ack) => !ack.ok && ack.error.code === 'RATE_LIMITED')).toBe(true);
  });

  it('applies scenarios and restarts targets through acked events', async () => {
    const socket = client(await listen());
    await nextSnapshot(socket);
    const applied = await new Promise<Ack<LabConfig>>((resolve) => socket.emit('scenario:apply', { id: 'exhaustion' }, resolve));
    expect(applied).toMatchObject({ ok: true, data: { pool: { maxOpen: 4 } } });
    const unknown = await new Promise<Ack<LabConfig>>((resolve) => socket.emit('scenario:apply', { id: 'nope' }, resolve));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const id = lab!.targets.list()[0]!.id;
    const restarted = await new Promise<Ack<unknown>>((resolve) => socket.emit('target:restart', { id }, resolve as never));
    expect(restarted.ok).toBe(true);
  });

  it('streams to every viewer when the audience spans several broadcast rooms', async () => {
    const url = await listen();
    const viewers = Array.from({ length: 150 }, () => client(url));
    const counts = viewers.map(() => 0);
    viewers.forEach((viewer, i) =>
      viewer.on('snapshot', () => {
        counts[i]!++;
      }),
    );
    const deadline = Date.now() + 10_000;
    while (counts.some((n) => n < 3) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(3);
  });

  it('delivers the events batch next to the snapshots, e.g. a reconfiguration', async () => {
    const socket = client(await listen());
    await nextSnapshot(socket);
    const seen: string[] = [];
    socket.on('events', (events) => {
      for (const event of events) seen.push(event.type);
    });
    expect(await patch(socket, { load: { thinkMs: 33 } })).toMatchObject({ ok: true });
    const deadline = Date.now() + 3000;
    while (!seen.includes('reconfigured') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(seen).toContain('reconfigured');
  });
});
