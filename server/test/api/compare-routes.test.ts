import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_METRICS } from '@poolscope/shared/compare';
import { canListProcessSockets, processSocketsOnPorts } from '../test-support/open-sockets';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { waitFor } from '../../src/test-support/wait-for';

describe('compare routes', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab({ embeddedTargets: 2, pool: { minIdle: 2 } });
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    await t.app.inject({ method: 'DELETE', url: '/api/compare' });
  });

  const get = async () => (await t.app.inject({ method: 'GET', url: '/api/compare' })).json();
  const put = (payload: unknown) =>
    t.app.inject({ method: 'PUT', url: '/api/compare', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });

  it('PUT starts arm B as A with the patch, on its own clones of the embedded targets, and the snapshot carries B beside A', async () => {
    const response = await put({ b: { pool: { maxOpen: 4, maxIdle: 4 } }, seed: 9 });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      running: true,
      seed: 9,
      a: { pool: { maxOpen: 10 } },
      b: { pool: { maxOpen: 4, maxIdle: 4 } },
      sharedTargetIds: [],
    });
    expect(body.b.load).toEqual(body.a.load);
    expect(body.diff.map((d: { label: string }) => d.label)).toEqual(['B: maxOpen 4 (A: 10)', 'B: maxIdle 4 (A: 10)']);
    await waitFor(() => (t.lab.snapshot().compare?.b.totals.requests.ok ?? 0) > 5, { timeoutMs: 15000, what: 'B to serve requests' });
    const snapshot = t.lab.snapshot();
    const b = snapshot.compare!.b;
    expect(b.targets.map((target) => target.id)).toEqual(snapshot.targets.map((target) => target.id));
    const aPorts = snapshot.targets.map((target) => target.address);
    for (const target of b.targets) expect(aPorts).not.toContain(target.address);
    expect(b.config.pool.maxOpen).toBe(4);
    expect(Object.keys(b.latency)).toEqual(Object.keys(snapshot.latency));
    expect(snapshot.pool.maxOpen).toBe(10);
    expect(snapshot.compare!.diff).toHaveLength(2);
    await waitFor(() => t.lab.history().samples.at(-1)?.b !== undefined, { timeoutMs: 9000, what: 'a history sample with arm B' });
    expect(t.lab.history().samples.at(-1)?.b?.acquireTimeoutMs).toBe(snapshot.compare!.b.config.pool.acquireTimeoutMs);
  });

  it('GET reports both configs and a summary row for every documented metric id; windowS is honoured and checked', async () => {
    expect(await get()).toMatchObject({ running: false, b: null, summary: [] });
    await put({ b: { load: { thinkMs: 5 } } });
    await waitFor(() => t.lab.compare.report().samples.a >= 2, { timeoutMs: 15000, what: 'two one-second samples' });
    const report = await get();
    expect(report).toMatchObject({ running: true, windowS: 30 });
    expect(report.summary.map((row: { metric: string }) => row.metric)).toEqual(SUMMARY_METRICS.map((m) => m.id));
    for (const row of report.summary)
      expect(Object.keys(row).sort()).toEqual(['a', 'b', 'better', 'delta', 'deltaPct', 'metric', 'pValue', 'significant', 'unit']);
    expect((await t.app.inject({ method: 'GET', url: '/api/compare?windowS=5' })).json().windowS).toBe(5);
    expect((await t.app.inject({ method: 'GET', url: '/api/compare?windowS=1' })).statusCode).toBe(400);
  });

  const badBodies: [string, unknown][] = [
    ['wrong type', { b: { pool: { maxOpen: 'ten' } } }],
    ['out of range', { b: { pool: { acquireTimeoutMs: 0 } } }],
    ['unknown knob', { b: { pool: { maxOpenn: 3 } } }],
    ['unknown top-level key', { pool: { maxOpen: 3 } }],
    ['valid pool half, invalid load half', { b: { pool: { maxOpen: 3 }, load: { concurrency: -1 } } }],
    ['cross-field rule', { b: { pool: { minIdle: 9, maxIdle: 8 } } }],
    ['bad seed', { b: {}, seed: -1 }],
    ['array body', [1, 2]],
  ];

  it.each(badBodies)('PUT with %s is a 400 with details and changes nothing (stopped or running)', async (_name, payload) => {
    const configBefore = (await t.app.inject({ method: 'GET', url: '/api/config' })).body;
    const refused = await put(payload);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.length).toBeGreaterThan(0);
    expect((await get()).running).toBe(false);
    await put({ b: { pool: { maxOpen: 5 } }, seed: 3 });
    const runningBefore = JSON.stringify(t.lab.compare.state());
    expect((await put(payload)).statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/compare/b',
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(400);
    expect(JSON.stringify(t.lab.compare.state())).toBe(runningBefore);
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).body).toBe(configBefore);
  });

  it('a cross-field error in b names its path under /b', async () => {
    const body = (await put({ b: { pool: { minIdle: 9, maxIdle: 8 } } })).json();
    expect(body.code).toBe('INVALID_CONFIG');
    expect(body.error).toBeUndefined();
    expect(body.details[0].path).toBe('/b/pool/minIdle');
  });

  it('PATCH /api/compare/b changes B live and leaves A alone; without a comparison it is a 409', async () => {
    expect((await t.app.inject({ method: 'PATCH', url: '/api/compare/b', payload: { b: { pool: { maxOpen: 3 } } } })).statusCode).toBe(409);
    await put({ b: {} });
    const response = await t.app.inject({ method: 'PATCH', url: '/api/compare/b', payload: { b: { pool: { maxOpen: 3 } } } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ a: { pool: { maxOpen: 10 } }, b: { pool: { maxOpen: 3 } } });
    expect(response.json().diff).toEqual([{ scope: 'pool', knob: 'maxOpen', a: 10, b: 3, label: 'B: maxOpen 3 (A: 10)' }]);
    expect(t.lab.pool.config.maxOpen).toBe(10);
  });

  it('POST keep-b gives A the config of B and stops the comparison', async () => {
    await put({ b: { pool: { maxOpen: 6 }, load: { holdMs: 7 } } });
    const response = await t.app.inject({ method: 'POST', url: '/api/compare/keep-b', headers: { 'x-poolscope': '1' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ running: false, b: null, a: { pool: { maxOpen: 6 }, load: { holdMs: 7 } } });
    expect(t.lab.pool.config.maxOpen).toBe(6);
    expect(t.lab.snapshot().compare).toBeNull();
    await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: 10 }, load: { holdMs: 20 } } });
  });

  it.runIf(canListProcessSockets)('DELETE stops B and leaves no socket open on its targets, at either end', async () => {
    await put({ b: { pool: { minIdle: 2 } } });
    await waitFor(() => (t.lab.snapshot().compare?.b.pool.open ?? 0) >= 2, { timeoutMs: 15000, what: 'B to open connections' });
    const bPorts = t.lab.snapshot().compare!.b.targets.map((target) => Number(target.address.split(':').pop()));
    const open = processSocketsOnPorts(bPorts);
    expect(open.filter((s) => s.state === 'LISTEN')).toHaveLength(2);
    expect(open.filter((s) => s.state === 'ESTABLISHED').length).toBeGreaterThanOrEqual(4); // both ends of at least 2 connections
    const response = await t.app.inject({ method: 'DELETE', url: '/api/compare' });
    expect(response.json()).toMatchObject({ running: false, b: null });
    expect(processSocketsOnPorts(bPorts)).toEqual([]);
    expect(t.lab.snapshot().targets.every((target) => target.state === 'up')).toBe(true);
  });

  it('a target fault during a comparison reaches both arms at once, or one arm with ?arm=', async () => {
    await put({ b: {} });
    await t.app.inject({ method: 'PATCH', url: '/api/targets/t1', payload: { down: true } });
    const bTarget = () => t.lab.compare.describeTargetB('t1');
    expect(bTarget().knobs?.down).toBe(true);
    expect(bTarget().state).toBe('down');
    expect(t.lab.describeTarget('t1').state).toBe('down');
    await t.app.inject({ method: 'PATCH', url: '/api/targets/t1?arm=b', payload: { down: false } });
    expect(bTarget().knobs?.down).toBe(false);
    expect(t.lab.describeTarget('t1').knobs?.down).toBe(true);
    await t.app.inject({ method: 'PATCH', url: '/api/targets/t1', payload: { down: false } });
  });

  it('a target added to A while comparing gets its B copy, and removing it removes both', async () => {
    await put({ b: {} });
    const added = await t.app.inject({ method: 'POST', url: '/api/targets', payload: { embedded: true } });
    const id = added.json().id as string;
    expect(t.lab.compare.describeTargetB(id)).toMatchObject({ id, embedded: true });
    expect(t.lab.compare.describeTargetB(id).address).not.toBe(added.json().address);
    await t.app.inject({ method: 'DELETE', url: `/api/targets/${id}` });
    expect(() => t.lab.compare.describeTargetB(id)).toThrow(/not found/);
  });

  it('GET /api/scenarios marks comparison scenarios, and applying one starts the comparison', async () => {
    const scenarios = (await t.app.inject({ method: 'GET', url: '/api/scenarios' })).json();
    const compare = scenarios.filter((s: { compare?: boolean }) => s.compare === true).map((s: { id: string }) => s.id);
    expect(compare).toEqual(['compare-no-pool', 'compare-smaller-pool', 'compare-idle-order', 'compare-heartbeats', 'compare-naive-check']);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/scenarios/compare-heartbeats/apply', headers: { 'x-poolscope': '1' } })).statusCode,
    ).toBe(200);
    expect(t.lab.compare.state()).toMatchObject({
      running: true,
      a: { pool: { heartbeatIntervalMs: 1000 } },
      b: { pool: { heartbeatIntervalMs: 0 } },
    });
    expect(t.lab.compare.describeTargetB('t1').knobs?.idleCloseMs).toBe(3000);
    await t.app.inject({ method: 'POST', url: '/api/scenarios/steady/apply', headers: { 'x-poolscope': '1' } });
    expect(t.lab.compare.active).toBe(false);
  });

  it('/metrics labels every pool series arm="a" / arm="b" while comparing (promtool-clean), and drops the label after', async () => {
    await put({ b: { pool: { maxOpen: 4 } } });
    await waitFor(() => (t.lab.snapshot().compare?.b.totals.acquires ?? 0) > 0, { timeoutMs: 15000, what: 'an acquire in B' });
    const comparing = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(comparing).toContain('poolscope_pool_max_open_connections{arm="a"} 10');
    expect(comparing).toContain('poolscope_pool_max_open_connections{arm="b"} 4');
    expect(comparing).toMatch(/poolscope_pool_acquires_total\{arm="b"\} [1-9]/);
    expect(comparing).toMatch(/poolscope_latency_seconds\{arm="b",measure="rtt",percentile="p50"\}/);
    if (existsSync('/usr/bin/promtool'))
      expect(execFileSync('promtool', ['check', 'metrics'], { input: comparing, encoding: 'utf8' }).trim()).toBe('');
    await t.app.inject({ method: 'DELETE', url: '/api/compare' });
    const single = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(single).not.toContain('arm="');
    expect(single).toContain('poolscope_pool_max_open_connections 10');
  });
});
