import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POOL_CONFIG } from '@poolscope/shared/config-rules';
import { startTestLab, type TestLab } from '../test-support/test-lab';

describe('scenario routes', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every scenario with a title and what to watch', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/scenarios' });
    const scenarios = response.json() as { id: string; title: string; watch: string }[];
    expect(scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'steady',
        'exhaustion',
        'slow-target',
        'target-restart',
        'heartbeats',
        'no-pool',
        'smaller-pool',
        'dial-storm',
        'naive-check',
        'stalled-peer',
        'sticky-packets',
        'slow-leak',
      ]),
    );
    for (const s of scenarios) expect(s.watch.length).toBeGreaterThan(40);
    expect(scenarios.find((s) => s.id === 'smaller-pool')).toMatchObject({ focus: { panel: 'throughput', metric: 'latency.rttMs.p50' } });
  });

  it('applying a scenario resets to defaults then sets its knobs, and marks the charts', async () => {
    await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { idleTimeoutMs: 12_345 } } });
    const response = await t.app.inject({ method: 'POST', url: '/api/scenarios/exhaustion/apply', headers: { 'x-poolscope': '1' } });
    expect(response.statusCode).toBe(200);
    expect(response.json().pool).toMatchObject({ maxOpen: 4, acquireTimeoutMs: 500, idleTimeoutMs: DEFAULT_POOL_CONFIG.idleTimeoutMs });
    expect(t.lab.markers.recent().at(-1)).toMatchObject({ kind: 'scenario', label: 'Pool exhaustion' });
  });

  it('applies target knobs to every embedded target', async () => {
    await t.app.inject({ method: 'POST', url: '/api/scenarios/slow-target/apply', headers: { 'x-poolscope': '1' } });
    expect(t.lab.targets.list()[0]!.embedded!.knobs().latencyMs).toBe(50);
    await t.app.inject({ method: 'POST', url: '/api/scenarios/steady/apply', headers: { 'x-poolscope': '1' } });
    expect(t.lab.targets.list()[0]!.embedded!.knobs().latencyMs).not.toBe(50);
  });

  it('answers 404 for an unknown scenario', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/scenarios/nope/apply', headers: { 'x-poolscope': '1' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});
