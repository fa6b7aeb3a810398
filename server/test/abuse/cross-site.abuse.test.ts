import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, LabConfig, ServerToClientEvents } from '@poolscope/shared/protocol';
import { AccessPolicy } from '../../src/api/access-policy';
import { buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import type { TypedApp } from '../../src/api/typed-app';
import { Lab } from '../../src/lab/lab';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Transport = 'polling' | 'websocket';

/**
 * An attacker's page, as the lab sees it: a Socket.IO handshake carrying another site's Origin
 * (cross-site WebSocket hijacking), or a Host that is the attacker's name pointed at 127.0.0.1
 * (DNS rebinding). Both transports, since a page can open either.
 */
describe('Socket.IO handshakes from other sites, on a listening lab', () => {
  let lab: Lab;
  let app: TypedApp;
  let url: string;
  let port: number;
  const clients: Client[] = [];

  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 20, load: { concurrency: 1 } });
    const access = new AccessPolicy({ bindHost: '127.0.0.1', allowedOrigins: ['http://dash.example:8080'] });
    app = (await buildApp({ lab, policy: new ControlPolicy(null), access })).app;
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });
  afterAll(async () => {
    await lab.close();
    await app.close();
  });

  function client(transport: Transport, headers: Record<string, string>): Client {
    const socket: Client = connect(url, {
      transports: [transport],
      reconnection: false,
      extraHeaders: headers,
      // Node's WebSocket client takes its handshake headers here.
      transportOptions: { websocket: { extraHeaders: headers } },
    });
    clients.push(socket);
    return socket;
  }

  /** 'connected' after a snapshot arrived, or the connect_error's message; any snapshot to a refused client fails. */
  function outcome(socket: Client): Promise<{ result: 'connected' } | { result: 'refused'; message: string; snapshots: number }> {
    let snapshots = 0;
    socket.on('snapshot', () => {
      snapshots++;
    });
    return new Promise((resolve) => {
      socket.once('snapshot', () => resolve({ result: 'connected' }));
      socket.once('connect_error', (error: Error & { context?: unknown }) =>
        resolve({ result: 'refused', message: String(error.message), snapshots }),
      );
    });
  }

  // Node's polling client always writes its own Host; the raw handshakes below cover polling.
  it('websocket: refuses a handshake with a rebinding Host', async () => {
    const socket = client('websocket', { host: `rebind.evil.example:${port}` });
    expect(await outcome(socket)).toMatchObject({ result: 'refused', snapshots: 0 });
  });

  for (const transport of ['polling', 'websocket'] as const) {
    it(`${transport}: refuses a handshake with a foreign Origin before any snapshot, and its controls never run`, async () => {
      const before = JSON.stringify(lab.config());
      for (const origin of ['http://evil.example', 'null', `http://localhost:${port + 1}`]) {
        const socket = client(transport, { origin });
        socket.emit('config:patch', { load: { thinkMs: 77 } }, () => {});
        const result = await outcome(socket);
        expect(result, `${transport} ${origin}`).toMatchObject({ result: 'refused', snapshots: 0 });
      }
      expect(JSON.stringify(lab.config())).toBe(before);
    });

    it(`${transport}: accepts the lab's own origin, an allowed one, and a client with no Origin, which may then control`, async () => {
      const cases: Record<string, string>[] = [{ origin: `http://127.0.0.1:${port}` }, { origin: 'http://dash.example:8080' }, {}];
      for (const headers of cases) {
        const socket = client(transport, headers);
        expect(await outcome(socket), JSON.stringify(headers)).toEqual({ result: 'connected' });
        const ack = await new Promise<Ack<LabConfig>>((resolve) => socket.emit('config:patch', { load: { thinkMs: 21 } }, resolve));
        expect(ack.ok).toBe(true);
      }
    });
  }

  /** The raw answer to a handshake, as a page's browser would get it. */
  function rawHandshake(headers: Record<string, string>, upgrade: boolean): Promise<{ status: number; body: string }> {
    const wsHeaders = {
      connection: 'Upgrade',
      upgrade: 'websocket',
      'sec-websocket-version': '13',
      'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
    };
    const path = `/socket.io/?EIO=4&transport=${upgrade ? 'websocket' : 'polling'}`;
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { ...(upgrade ? wsHeaders : {}), ...headers } });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve({ status: res.statusCode ?? 101, body: '' });
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('answers a refused handshake 403 with the reason and the flag, polling and WebSocket upgrade alike', async () => {
    const host = await rawHandshake({ host: `rebind.evil.example:${port}` }, false);
    expect(host.status).toBe(403);
    expect(host.body).toContain('HOST_NOT_ALLOWED');
    expect(host.body).toContain('--allowed-hosts');
    const origin = await rawHandshake({ origin: 'http://evil.example' }, false);
    expect(origin.status).toBe(403);
    expect(origin.body).toContain('--allowed-origins');
    const upgradeOrigin = await rawHandshake({ origin: 'http://evil.example' }, true);
    expect(upgradeOrigin.status).toBe(403);
    expect(upgradeOrigin.body).toContain('ORIGIN_NOT_ALLOWED');
    const upgradeHost = await rawHandshake({ host: `rebind.evil.example:${port}` }, true);
    expect(upgradeHost.status).toBe(403);
    expect(upgradeHost.body).toContain('--allowed-hosts');
    expect((await rawHandshake({ origin: `http://127.0.0.1:${port}` }, true)).status).toBe(101);
    expect((await rawHandshake({}, false)).status).toBe(200);
  });
});
