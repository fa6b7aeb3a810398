import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { startTestLab, type TestLab } from '../test-support/test-lab';

describe('target routes', () => {
  let t: TestLab;
  let external: Server;
  let externalPort = 0;
  beforeAll(async () => {
    t = await startTestLab();
    external = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => external.listen(0, '127.0.0.1', resolve));
    externalPort = (external.address() as { port: number }).port;
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => external.close(resolve));
  });

  it('lists the embedded targets with state, counters and knobs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/targets' });
    expect(response.statusCode).toBe(200);
    const [target] = response.json();
    expect(target.embedded).toBe(true);
    expect(target.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(target.knobs.latencyMs).toBeTypeOf('number');
  });

  it('adds an embedded target (201) and removes it (204)', async () => {
    const added = await t.app.inject({ method: 'POST', url: '/api/targets', payload: { embedded: true } });
    expect(added.statusCode).toBe(201);
    const id = added.json().id as string;
    expect(t.lab.targets.list().map((x) => x.id)).toContain(id);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/targets/${id}` });
    expect(removed.statusCode).toBe(204);
    expect(t.lab.targets.list().map((x) => x.id)).not.toContain(id);
  });

  it('adds an external loopback echo server and dials it', async () => {
    const added = await t.app.inject({ method: 'POST', url: '/api/targets', payload: { host: '127.0.0.1', port: externalPort } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ embedded: false, address: `127.0.0.1:${externalPort}`, knobs: null });
  });

  it('refuses an external target outside the allowlist with 403 before dialling it', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/targets', payload: { host: '10.1.2.3', port: 7 } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('TARGET_NOT_ALLOWED');
  });

  it('patches an embedded target live and rejects a bad patch whole', async () => {
    const id = t.lab.targets.list()[0]!.id;
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/targets/${id}`, payload: { latencyMs: 7, dropRate: 0 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().knobs.latencyMs).toBe(7);
    const bad = await t.app.inject({ method: 'PATCH', url: `/api/targets/${id}`, payload: { latencyMs: 9, garbleRate: 2 } });
    expect(bad.statusCode).toBe(400);
    expect(t.lab.targets.get(id).embedded!.knobs().latencyMs).toBe(7);
  });

  it('answers 404 for an unknown target and 409 for knobs on an external one', async () => {
    expect((await t.app.inject({ method: 'PATCH', url: '/api/targets/nope', payload: { latencyMs: 1 } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/targets/nope/restart', headers: { 'x-poolscope': '1' } })).statusCode).toBe(
      404,
    );
    const externalId = t.lab.targets.list().find((x) => x.embedded === null)!.id;
    expect((await t.app.inject({ method: 'PATCH', url: `/api/targets/${externalId}`, payload: { latencyMs: 1 } })).statusCode).toBe(409);
  });

  it('restarts an embedded target on the same port', async () => {
    const target = t.lab.targets.list()[0]!;
    const response = await t.app.inject({ method: 'POST', url: `/api/targets/${target.id}/restart`, headers: { 'x-poolscope': '1' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().address).toBe(target.address);
  });
});
