import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LabConfig, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { BODY_LIMIT_BYTES, buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import { CONTROL_BURST, CONTROL_PER_SECOND, type LabServer } from '../../src/api/socket-gateway';
import type { TypedApp } from '../../src/api/typed-app';
import { Lab } from '../../src/lab/lab';
import { waitFor } from '../../src/test-support/wait-for';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const VIEWERS = 300;
// Responsiveness is asserted as conditions with generous deadlines (/healthz answers, snapshots keep
// coming); how fast it stays under load is measured in bench/, not judged here.
const DEADLINE_MS = 10_000;

/** A viewer that reads every snapshot and counts any that arrive out of order. */
function wellBehavedViewer(url: string) {
  const socket: Client = connect(url, { transports: ['websocket'], reconnection: false });
  const seen = { count: 0, lastSeq: -1, outOfOrder: 0 };
  socket.on('snapshot', (s: Snapshot) => {
    if (s.seq <= seen.lastSeq) seen.outOfOrder++;
    seen.count++;
    seen.lastSeq = s.seq;
  });
  const nextSnapshot = (what: string) => {
    const from = seen.count;
    return waitFor(() => seen.count > from, { timeoutMs: DEADLINE_MS, what });
  };
  return { socket, seen, nextSnapshot };
}

/** /healthz answers 200 (an unresponsive server would hit the deadline). */
async function expectHealthy(url: string): Promise<void> {
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(DEADLINE_MS) });
  expect(response.status).toBe(200);
  await response.json();
}

describe('overload: oversized bodies, a control flood and hundreds of viewers', () => {
  let lab: Lab;
  let app: TypedApp;
  let io: LabServer;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10, load: { concurrency: 2, thinkMs: 20 } });
    ({ app, io } = await buildApp({ lab, policy: new ControlPolicy(null) }));
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await lab.close();
    await app.close();
  });

  it(`refuses bodies over ${BODY_LIMIT_BYTES} bytes with 413 and applies nothing`, async () => {
    const before = JSON.stringify(lab.config());
    const padding = 'x'.repeat(BODY_LIMIT_BYTES);
    for (const [method, path] of [
      ['PATCH', '/api/config'],
      ['POST', '/api/targets'],
      ['PATCH', '/api/targets/t1'],
    ] as const) {
      const response = await app.inject({
        method,
        url: path,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ pool: { maxOpen: 3 }, padding }),
      });
      expect(response.statusCode, `${method} ${path}`).toBe(413);
    }
    // Deeply nested but within the limit: refused as a bad request, not a crash.
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const nested = await app.inject({
      method: 'PATCH',
      url: '/api/config',
      headers: { 'content-type': 'application/json' },
      payload: deep,
    });
    expect(nested.statusCode).toBeGreaterThanOrEqual(400);
    expect(nested.statusCode).toBeLessThan(500);
    expect(JSON.stringify(lab.config())).toBe(before);
    await expectHealthy(url);
  });

  it('drops a socket that sends an oversized message and keeps serving the others', async () => {
    const viewer = wellBehavedViewer(url);
    const rude: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(viewer.socket, rude);
    await waitFor(() => viewer.seen.count > 0 && rude.connected, { what: 'both connected' });
    const disconnected = new Promise<string>((resolve) => rude.once('disconnect', resolve));
    rude.emit('config:patch', { pool: { padding: 'x'.repeat(BODY_LIMIT_BYTES * 2) } } as never, () => {});
    expect(await disconnected).toBeTruthy();
    const seenBefore = viewer.seen.count;
    await waitFor(() => viewer.seen.count >= seenBefore + 3, { what: 'snapshots still flowing to the viewer' });
    expect(lab.config().pool.maxOpen).toBe(10);
  });

  it('rate limits thousands of control events a second from one client while /healthz answers and a viewer keeps getting snapshots', async () => {
    const viewer = wellBehavedViewer(url);
    const flooder: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(viewer.socket, flooder);
    await waitFor(() => viewer.seen.count > 0 && flooder.connected, { what: 'both connected' });
    const acks = { ok: 0, limited: 0, other: 0 };
    const floodStarted = Date.now();
    const pending: Promise<void>[] = [];
    // 6,000 events in 12 bursts of 500, one burst every 100 ms: about 5,000 a second.
    for (let burst = 0; burst < 12; burst++) {
      for (let i = 0; i < 500; i++) {
        pending.push(
          new Promise<void>((resolve) =>
            flooder.emit('config:patch', { load: { thinkMs: 20 + (i % 5) } }, (ack: Ack<LabConfig>) => {
              if (ack.ok) acks.ok++;
              else if (ack.error.code === 'RATE_LIMITED') acks.limited++;
              else acks.other++;
              resolve();
            }),
          ),
        );
      }
      await expectHealthy(url);
      // About one tick: the next burst goes out once the viewer has had a snapshot since this one.
      await viewer.nextSnapshot(`a snapshot to the viewer after burst ${burst + 1}`);
    }
    await Promise.race([
      Promise.all(pending),
      new Promise((_, reject) => setTimeout(() => reject(new Error(`acks missing: ${JSON.stringify(acks)}`)), 20_000)),
    ]);
    const floodSeconds = (Date.now() - floodStarted) / 1000;
    expect(acks.other).toBe(0);
    expect(acks.ok).toBeLessThanOrEqual(CONTROL_BURST + Math.ceil(floodSeconds * CONTROL_PER_SECOND) + 1);
    expect(acks.limited).toBeGreaterThan(5000);
    expect(viewer.seen.outOfOrder).toBe(0);
  }, 60_000);

  it(`stays responsive while ${VIEWERS} viewers connect at once, and every one gets a snapshot`, async () => {
    const viewer = wellBehavedViewer(url);
    clients.push(viewer.socket);
    await waitFor(() => viewer.seen.count > 0, { what: 'the well-behaved viewer connected' });
    const greeted = new Set<number>();
    for (let i = 0; i < VIEWERS; i++) {
      const socket: Client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('snapshot', () => greeted.add(i));
      clients.push(socket);
    }
    // While they connect: /healthz keeps answering and the first viewer keeps getting snapshots.
    await waitFor(
      async () => {
        await expectHealthy(url);
        await viewer.nextSnapshot('a snapshot to the first viewer while the others connect');
        return greeted.size === VIEWERS;
      },
      { timeoutMs: 90_000, what: `all ${VIEWERS} viewers to get their first snapshot` },
    );
    for (let i = 0; i < 5; i++) await viewer.nextSnapshot('snapshots still flowing with every viewer connected');
    expect(viewer.seen.outOfOrder).toBe(0);
    for (const client of clients.splice(0)) client.disconnect();
    await waitFor(() => io.engine.clientsCount === 0, { timeoutMs: 10_000, what: 'every viewer gone from the server' });
  }, 120_000);
});
