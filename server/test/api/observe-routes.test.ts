import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLab, type TestLab } from '../test-support/test-lab';
import { waitFor } from '../../src/test-support/wait-for';

describe('observation routes', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });

  it('GET /healthz answers ok', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/snapshot shows live load: requests finish and seq advances', async () => {
    await waitFor(() => t.lab.snapshot().totals.requests.ok > 0, { what: 'first ok request' });
    const first = (await t.app.inject({ method: 'GET', url: '/api/snapshot' })).json();
    await waitFor(() => t.lab.snapshot().seq > first.seq, { what: 'next tick' });
    const second = (await t.app.inject({ method: 'GET', url: '/api/snapshot' })).json();
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.pool.open).toBe(second.pool.idle + second.pool.active + second.pool.connecting + second.pool.validating);
    expect(second.targets).toHaveLength(1);
    expect(second.config.pool.maxOpen).toBe(t.lab.pool.config.maxOpen);
  });

  it("GET /api/history answers the lab's recent past at one sample a second, oldest first", async () => {
    await waitFor(() => t.lab.history().samples.length >= 2, { what: 'two history samples' });
    const response = await t.app.inject({ method: 'GET', url: '/api/history' });
    expect(response.statusCode).toBe(200);
    const history = response.json();
    expect(history.intervalMs).toBe(1000);
    expect(history.spanMs).toBe(15 * 60_000);
    expect(history.samples.length).toBeGreaterThanOrEqual(2);
    const [older, newer] = history.samples.slice(-2);
    expect(newer.t - older.t).toBeGreaterThanOrEqual(1);
    expect(Math.floor(newer.t / 1000)).toBeGreaterThan(Math.floor(older.t / 1000));
    expect(newer.seq).toBeGreaterThan(older.seq);
    expect(newer).not.toHaveProperty('connections');
    expect(newer.pool.open).toBe(newer.pool.idle + newer.pool.active + newer.pool.connecting + newer.pool.validating);
  });

  it('GET /metrics is Prometheus text with poolscope_ names that follow the naming rules', async () => {
    await waitFor(() => t.lab.snapshot().totals.acquires > 0, { what: 'an acquire' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const samples = parseExposition(response.body);
    expect(samples.get('poolscope_pool_acquires_total')).toBeGreaterThan(0);
    expect([...samples.keys()].some((name) => name.startsWith('poolscope_pool_connections{state="idle"}'))).toBe(true);
    for (const [type, name] of metricTypes(response.body)) {
      expect(name).toMatch(/^poolscope_[a-z0-9_]+$/);
      if (type === 'counter') expect(name).toMatch(/_total$/);
      else expect(name).not.toMatch(/_total$/);
    }
  });

  // npm test installs promtool (Debian's prometheus); outside CI a machine without it skips only this check.
  it.runIf(existsSync('/usr/bin/promtool') || process.env.CI)('GET /metrics passes `promtool check metrics`', async () => {
    await waitFor(() => t.lab.snapshot().totals.acquires > 0, { what: 'an acquire' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    const output = execFileSync('promtool', ['check', 'metrics'], { input: response.body, encoding: 'utf8' });
    expect(output.trim()).toBe('');
  });

  it('sends security headers with a CSP on every response', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves OpenAPI docs describing the config routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(
      expect.arrayContaining(['/api/config', '/api/targets', '/api/scenarios/{id}/apply']),
    );
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('NOT_FOUND');
  });
});

function parseExposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(\S+(?:\{[^}]*\})?)\s+(\S+)$/.exec(line);
    expect(match, `unparseable line: ${line}`).not.toBeNull();
    samples.set(match![1]!, Number(match![2]));
  }
  return samples;
}

function metricTypes(text: string): [string, string][] {
  return [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[2]!, m[1]!]);
}
