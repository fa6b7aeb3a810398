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
// Generous for a loaded 2-core machine that also runs the 300 clients; an unresponsive server takes far longer.
const HEALTHZ_BOUND_MS = 2000;
const SNAPSHOT_GAP_BOUND_MS = 2500;

/** A viewer that reads every snapshot and remembers the longest silence between two. */
function wellBehavedViewer(url: string) {
  const socket: Client = connect(url, { transports: ['websocket'], reconnection: false });
  const seen = { count: 0, lastSeq: -1, lastAt: 0, longestGapMs: 0, outOfOrder: 0 };
  socket.on('snapshot', (s: Snapshot) => {
    const now = Date.now();
    if (seen.count > 0) seen.longestGapMs = Math.max(seen.longestGapMs, now - seen.lastAt);
    if (s.seq <= seen.lastSeq) seen.outOfOrder++;
    seen.count++;
    seen.lastSeq = s.seq;
    seen.lastAt = now;
  });
  return { socket, seen, resetGap: () => { seen.longestGapMs = 0; seen.lastAt = Date.now(); } };
}

async function healthzMs(url: string): Promise<number> {
  const started = Date.now();
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
  expect(response.status).toBe(200);
  await response.json();
  return Date.now() - started;
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
    for (const [method, path] of [['PATCH', '/api/config'], ['POST', '/api/targets'], ['PATCH', '/api/targets/t1']] as const) {
      const response = await app.inject({ method, url: path, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ pool: { maxOpen: 3 }, padding }) });
      expect(response.statusCode, `${method} ${path}`).toBe(413);
    }
    // Deeply nested but within the limit: refused as a bad request, not a crash.
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const nested = await app.inject({ method: 'PATCH', url: '/api/config', headers: { 'content-type': 'application/json' }, payload: deep });
    expect(nested.statusCode).toBeGreaterThanOrEqual(400);
    expect(nested.statusCode).toBeLessThan(500);
    expect(JSON.stringify(lab.config())).toBe(before);
    expect(await healthzMs(url)).toBeLessThan(HEALTHZ_BOUND_MS);
  });

  it('drops a socket that sends an oversized message and keeps serving the others', async () => {
    const viewer = wellBehavedViewer(url);
    const rude: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(viewer.socket, rude);
    await waitFor(() => viewer.seen.count > 0 && rude.connected, { timeoutMs: 5000, what: 'both connected' });
    const disconnected = new Promise<string>((resolve) => rude.once('disconnect', resolve));
    rude.emit('config:patch', { pool: { padding: 'x'.repeat(BODY_LIMIT_BYTES * 2) } } as never, () => {});
    expect(await disconnected).toBeTruthy();
    const seenBefore = viewer.seen.count;
    await waitFor(() => viewer.seen.count >= seenBefore + 3, { timeoutMs: 5000, what: 'snapshots still flowing to the viewer' });
    expect(lab.config().pool.maxOpen).toBe(10);
  });

  it('rate limits thousands of control events a second from one client while /healthz answers and a viewer keeps getting snapshots', async () => {
    const viewer = wellBehavedViewer(url);
    const flooder: Client = connect(url, { transports: ['websocket'], reconnection: false });
    clients.push(viewer.socket, flooder);
    await waitFor(() => viewer.seen.count > 0 && flooder.connected, { timeoutMs: 5000, what: 'both connected' });
    viewer.resetGap();
    const acks = { ok: 0, limited: 0, other: 0 };
    const floodStarted = Date.now();
    const pending: Promise<void>[] = [];
    // 6,000 events in 12 bursts of 500, one burst every 100 ms: about 5,000 a second.
    for (let burst = 0; burst < 12; burst++) {
      for (let i = 0; i < 500; i++) {
        pending.push(new Promise<void>((resolve) => flooder.emit('config:patch', { load: { thinkMs: 20 + (i % 5) } }, (ack: Ack<LabConfig>) => {
          if (ack.ok) acks.ok++;
          else if (ack.error.code === 'RATE_LIMITED') acks.limited++;
          else acks.other++;
          resolve();
        })));
      }
      expect(await healthzMs(url)).toBeLessThan(HEALTHZ_BOUND_MS);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await Promise.race([Promise.all(pending), new Promise((_, reject) => setTimeout(() => reject(new Error(`acks missing: ${JSON.stringify(acks)}`)), 20_000))]);
    const floodSeconds = (Date.now() - floodStarted) / 1000;
    expect(acks.other).toBe(0);
    expect(acks.ok).toBeLessThanOrEqual(CONTROL_BURST + Math.ceil(floodSeconds * CONTROL_PER_SECOND) + 1);
    expect(acks.limited).toBeGreaterThan(5000);
    expect(viewer.seen.longestGapMs, 'longest silence the viewer saw').toBeLessThan(SNAPSHOT_GAP_BOUND_MS);
    expect(viewer.seen.outOfOrder).toBe(0);
  }, 60_000);

  it(`stays responsive while ${VIEWERS} viewers connect at once, and every one gets a snapshot`, async () => {
    const viewer = wellBehavedViewer(url);
    clients.push(viewer.socket);
    await waitFor(() => viewer.seen.count > 0, { timeoutMs: 5000, what: 'the well-behaved viewer connected' });
    viewer.resetGap();
    const greeted = new Set<number>();
    for (let i = 0; i < VIEWERS; i++) {
      const socket: Client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('snapshot', () => greeted.add(i));
      clients.push(socket);
    }
    const latencies: number[] = [];
    const deadline = Date.now() + 30_000;
    while (greeted.size < VIEWERS && Date.now() < deadline) {
      latencies.push(await healthzMs(url));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(greeted.size, 'viewers that got their first snapshot').toBe(VIEWERS);
    latencies.push(await healthzMs(url));
    expect(Math.max(...latencies), `/healthz latencies ${latencies.join(',')}`).toBeLessThan(HEALTHZ_BOUND_MS);
    const seenBefore = viewer.seen.count;
    await waitFor(() => viewer.seen.count >= seenBefore + 5, { timeoutMs: 5000, what: 'snapshots still flowing with every viewer connected' });
    expect(viewer.seen.longestGapMs, 'longest silence the viewer saw').toBeLessThan(SNAPSHOT_GAP_BOUND_MS);
    for (const client of clients.splice(0)) client.disconnect();
    await waitFor(() => io.engine.clientsCount === 0, { timeoutMs: 10_000, what: 'every viewer gone from the server' });
  }, 60_000);
});
