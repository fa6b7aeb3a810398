import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app';
import { AccessPolicy } from '../../src/api/access-policy';
import { REST_RATE_LIMITS } from '../../src/api/access-guard';
import { ControlPolicy } from '../../src/api/control-policy';
import type { TypedApp } from '../../src/api/typed-app';
import { Lab } from '../../src/lab/lab';

const EVIL = 'http://evil.example';
/** Small limits, so reaching them takes a few requests, not a minute's worth; the defaults are checked below. */
const LIMITS = { control: { max: 40, timeWindowMs: 600_000 }, history: { max: 5, timeWindowMs: 600_000 } };

describe('REST door of a lab on loopback (no token)', () => {
  let lab: Lab;
  let app: TypedApp;
  const state = () =>
    JSON.stringify({
      config: lab.config(),
      markers: lab.markers.recent().length,
      targets: lab.targets.list().map((t) => [t.id, t.embedded?.knobs()]),
    });

  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10, load: { concurrency: 2 } });
    const access = new AccessPolicy({ bindHost: '127.0.0.1', allowedHosts: ['lab.example'] });
    app = (await buildApp({ lab, policy: new ControlPolicy(null), access, restRateLimits: LIMITS })).app;
    await app.ready();
  });
  afterAll(async () => {
    await lab.close();
    await app.close();
  });

  it('refuses a DNS-rebinding Host on every route with 403 HOST_NOT_ALLOWED naming the flag', async () => {
    const before = state();
    for (const [method, url] of [
      ['GET', '/api/config'],
      ['GET', '/api/snapshot'],
      ['GET', '/metrics'],
      ['GET', '/'],
      ['PATCH', '/api/config'],
      ['POST', '/api/targets'],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: { host: 'rebind.evil.example:3000', 'content-type': 'application/json' },
        payload: method === 'GET' ? undefined : '{"embedded":true}',
      });
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json()).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
      expect(response.json().message).toContain('--allowed-hosts rebind.evil.example');
    }
    expect(state()).toBe(before);
  });

  it('serves loopback names and a name given with --allowed-hosts, on any port', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'localhost:5173', 'lab.example:3000']) {
      expect((await app.inject({ method: 'GET', url: '/api/config', headers: { host } })).statusCode, host).toBe(200);
    }
  });

  it('refuses a change from a foreign Origin with 403 ORIGIN_NOT_ALLOWED, even one a form could send', async () => {
    const before = state();
    const attempts = [
      { method: 'POST', url: '/api/targets/t1/restart', headers: { origin: EVIL, 'content-type': 'text/plain' }, payload: 'x' },
      {
        method: 'PATCH',
        url: '/api/config',
        headers: { origin: EVIL, 'content-type': 'application/json' },
        payload: '{"pool":{"maxOpen":3,"maxIdle":3,"minIdle":1}}',
      },
      { method: 'POST', url: '/api/scenarios/exhaustion/apply', headers: { origin: 'null', 'x-poolscope': '1' } },
      { method: 'DELETE', url: '/api/targets/t1', headers: { origin: 'http://localhost:8080', host: 'localhost:3000' } },
    ] as const;
    for (const attempt of attempts) {
      const response = await app.inject({ ...attempt, headers: { ...attempt.headers } });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(403);
      expect(response.json().code).toBe('ORIGIN_NOT_ALLOWED');
    }
    expect(state()).toBe(before);
  });

  it('refuses a simple request (text/plain, form, multipart, bare POST) with 415 UNSUPPORTED_MEDIA_TYPE, changing nothing', async () => {
    const before = state();
    const attempts = [
      { method: 'POST', url: '/api/targets/t1/restart', headers: { 'content-type': 'text/plain' }, payload: '' },
      { method: 'POST', url: '/api/targets', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'embedded=true' },
      { method: 'POST', url: '/api/targets', headers: { 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b--' },
      {
        method: 'PATCH',
        url: '/api/config',
        headers: { 'content-type': 'text/plain' },
        payload: '{"pool":{"maxOpen":3,"maxIdle":3,"minIdle":1}}',
      },
      { method: 'POST', url: '/api/scenarios/exhaustion/apply', headers: {} },
      { method: 'POST', url: '/api/pool/leaks/reclaim', headers: {} },
    ] as const;
    for (const attempt of attempts) {
      const response = await app.inject({ ...attempt, headers: { ...attempt.headers } });
      expect(response.statusCode, `${attempt.method} ${attempt.url} ${JSON.stringify(attempt.headers)}`).toBe(415);
      expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(state()).toBe(before);
  });

  it("accepts the lab's own origin and scripts without Origin: JSON bodies, X-Poolscope on a bare POST, a bare DELETE", async () => {
    const own = await app.inject({
      method: 'PATCH',
      url: '/api/config',
      headers: { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' },
      payload: { load: { thinkMs: 31 } },
    });
    expect(own.statusCode).toBe(200);
    const viaProxy = await app.inject({
      method: 'PATCH',
      url: '/api/config',
      headers: { host: 'localhost:5173', origin: 'http://localhost:5173' },
      payload: { load: { thinkMs: 32 } },
    });
    expect(viaProxy.statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/scenarios/steady/apply', headers: { 'x-poolscope': '1' } })).statusCode).toBe(
      200,
    );
    const added = await app.inject({ method: 'POST', url: '/api/targets', payload: { embedded: true } });
    expect(added.statusCode).toBe(201);
    expect((await app.inject({ method: 'DELETE', url: `/api/targets/${added.json().id}` })).statusCode).toBe(204);
  });

  it('has default limits a dashboard or a test file never reaches but a flood does', () => {
    // A fuzzing test file sends ~800 changes; a dashboard a few a second; a flood thousands a second.
    expect(REST_RATE_LIMITS.control.max).toBeGreaterThan(1000);
    expect(REST_RATE_LIMITS.control.max / (REST_RATE_LIMITS.control.timeWindowMs / 1000)).toBeLessThanOrEqual(100);
    expect(REST_RATE_LIMITS.history.max).toBeLessThanOrEqual(30);
  });

  it('rate limits changes per client address and not other addresses, answering 429 RATE_LIMITED', async () => {
    const flood = (remoteAddress: string) =>
      app.inject({ method: 'PATCH', url: '/api/config', remoteAddress, payload: { load: { thinkMs: 20 } } });
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.control.max + 50; i++) statuses.push((await flood('198.51.100.7')).statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(LIMITS.control.max);
    const limited = await flood('198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await flood('198.51.100.8')).statusCode).toBe(200);
  });

  it('rate limits GET /api/history (~2 MB) per client address, apart from other reads', async () => {
    const get = (remoteAddress: string) => app.inject({ method: 'GET', url: '/api/history', remoteAddress });
    for (let i = 0; i < LIMITS.history.max; i++) expect((await get('198.51.100.9')).statusCode).toBe(200);
    const limited = await get('198.51.100.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await get('198.51.100.10')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/config', remoteAddress: '198.51.100.9' })).statusCode).toBe(200);
  });
});

describe('REST door of a lab with a control token', () => {
  let lab: Lab;
  let app: TypedApp;
  beforeAll(async () => {
    lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10 });
    const access = new AccessPolicy({ bindHost: '0.0.0.0', allowedHosts: ['lab.example'], machineAddresses: ['192.168.1.20'] });
    app = (await buildApp({ lab, policy: new ControlPolicy('tok-remote'), access })).app;
    await app.ready();
  });
  afterAll(async () => {
    await lab.close();
    await app.close();
  });

  it('accepts the token from another machine by an allowed name or the machine address, and refuses an unknown name', async () => {
    const send = (host: string) =>
      app.inject({
        method: 'PATCH',
        url: '/api/config',
        remoteAddress: '203.0.113.9',
        headers: { host, authorization: 'Bearer tok-remote' },
        payload: { load: { thinkMs: 41 } },
      });
    expect((await send('lab.example:3000')).statusCode).toBe(200);
    expect((await send('192.168.1.20:3000')).statusCode).toBe(200);
    expect((await send('rebind.evil.example:3000')).statusCode).toBe(403);
  });
});
