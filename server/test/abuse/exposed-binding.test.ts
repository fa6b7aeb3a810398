import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@poolscope/shared/protocol';
import type { Snapshot } from '@poolscope/shared/snapshot';
import { buildApp } from '../../src/api/app';
import { ControlPolicy } from '../../src/api/control-policy';
import type { TypedApp } from '../../src/api/typed-app';
import { Lab } from '../../src/lab/lab';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

const MUTATIONS: { method: 'PATCH' | 'POST' | 'DELETE'; url: string; payload?: object }[] = [
  { method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: 3, maxIdle: 3, minIdle: 1 } } },
  { method: 'POST', url: '/api/targets', payload: { embedded: true } },
  { method: 'PATCH', url: '/api/targets/t1', payload: { down: true } },
  { method: 'POST', url: '/api/targets/t1/restart' },
  { method: 'DELETE', url: '/api/targets/t1' },
  { method: 'POST', url: '/api/scenarios/exhaustion/apply' },
  { method: 'POST', url: '/api/pool/leaks/reclaim' },
];

/** Spellings of a mutating path that a sloppy prefix check might let through. */
const DISGUISED = [
  '/api/config?x=1',
  '/api/config#frag',
  '//api/config',
  '/API/config',
  '/api//config',
  '/./api/config',
  '/api/../api/config',
  '/%61pi/config',
  '/api%2Fconfig',
  '/api/config/',
];

describe('a lab bound beyond loopback (the policy 0.0.0.0 gets, served on 127.0.0.1)', () => {
  const policy = ControlPolicy.forBinding('0.0.0.0', undefined);
  const token = policy.token!;
  let lab: Lab;
  let app: TypedApp;
  let url: string;
  const clients: Client[] = [];
  const state = () =>
    JSON.stringify({
      config: lab.config(),
      targets: lab.targets.list().map((t) => [t.id, t.embedded?.knobs()]),
      markers: lab.markers.recent().length,
    });

  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10, load: { concurrency: 2 } });
    app = (await buildApp({ lab, policy })).app;
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await lab.close();
    await app.close();
  });

  it('refuses every mutating route without the token (401) and with a wrong one (403), changing nothing', async () => {
    const before = state();
    for (const m of MUTATIONS) {
      const missing = await app.inject({ method: m.method, url: m.url, ...(m.payload ? { payload: m.payload } : {}) });
      expect(missing.statusCode, `${m.method} ${m.url}`).toBe(401);
      expect(missing.json().code).toBe('UNAUTHORIZED');
      for (const authorization of [
        `Bearer ${token.slice(0, -1)}`,
        `Bearer ${token}x`,
        'Bearer ',
        `Basic ${token}`,
        token,
        `Bearer ${token} ${token}`,
      ]) {
        const wrong = await app.inject({
          method: m.method,
          url: m.url,
          headers: { authorization },
          ...(m.payload ? { payload: m.payload } : {}),
        });
        expect([401, 403], `${m.method} ${m.url} with "${authorization}"`).toContain(wrong.statusCode);
      }
    }
    expect(state()).toBe(before);
  });

  it('does not let a disguised path reach a mutating route without the token', async () => {
    const before = state();
    for (const path of DISGUISED) {
      const response = await app.inject({ method: 'PATCH', url: path, payload: { pool: { maxOpen: 3, maxIdle: 3, minIdle: 1 } } });
      expect([401, 403, 404], `PATCH ${path} answered ${response.statusCode}`).toContain(response.statusCode);
    }
    expect(state()).toBe(before);
  });

  it('still lets anyone watch: config, snapshot, targets, scenarios, metrics, health', async () => {
    for (const path of ['/api/config', '/api/snapshot', '/api/targets', '/api/scenarios', '/metrics', '/healthz']) {
      expect((await app.inject({ method: 'GET', url: path })).statusCode, path).toBe(200);
    }
  });

  it('accepts a change that carries the token', async () => {
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/config',
      headers: { authorization: `Bearer ${token}` },
      payload: { load: { thinkMs: 33 } },
    });
    expect(response.statusCode).toBe(200);
    expect(lab.config().load.thinkMs).toBe(33);
  });

  function client(auth: Record<string, unknown> = {}): Client {
    const socket: Client = connect(url, { transports: ['websocket'], auth, reconnection: false });
    clients.push(socket);
    return socket;
  }
  const ack = (socket: Client, event: keyof ClientToServerEvents, payload: unknown) =>
    new Promise<Ack<unknown>>((resolve) =>
      (socket.emit as (e: string, p: unknown, a: (r: Ack<unknown>) => void) => void)(event, payload, resolve),
    );

  it('streams snapshots to a viewer without the token but acks every control from it with an error', async () => {
    const before = state();
    const controls: [keyof ClientToServerEvents, unknown][] = [
      ['config:patch', { pool: { maxOpen: 3, maxIdle: 3, minIdle: 1 } }],
      ['target:patch', { id: 't1', patch: { down: true } }],
      ['target:restart', { id: 't1' }],
      ['scenario:apply', { id: 'exhaustion' }],
      ['leaks:reclaim', {}],
    ];
    const viewer = client();
    const wrong = client({ token: token.slice(1) });
    const typeConfused = client({ token: [token] });
    await new Promise<Snapshot>((resolve) => viewer.once('snapshot', resolve));
    for (const [event, payload] of controls) {
      expect(await ack(viewer, event, payload), event).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      expect(await ack(wrong, event, payload), event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((await ack(typeConfused, event, payload)).ok, event).toBe(false);
    }
    expect(state()).toBe(before);
    const operator = client({ token });
    expect(await ack(operator, 'config:patch', { load: { thinkMs: 44 } })).toMatchObject({ ok: true });
  });
});
