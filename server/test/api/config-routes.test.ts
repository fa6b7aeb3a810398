import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLab, type TestLab } from '../test-support/test-lab';

describe('config routes', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });

  const getConfigText = async () => (await t.app.inject({ method: 'GET', url: '/api/config' })).body;

  it('GET /api/config returns the whole pool and load config', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.pool.maxOpen).toBe(t.lab.pool.config.maxOpen);
    expect(body.load.concurrency).toBe(2);
  });

  it('PATCH /api/config applies a valid partial patch and returns the whole new config', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: 7 }, load: { holdMs: 5 } } });
    expect(response.statusCode).toBe(200);
    expect(response.json().pool.maxOpen).toBe(7);
    expect(response.json().load.holdMs).toBe(5);
    expect(t.lab.pool.config.maxOpen).toBe(7);
    expect(t.lab.load.config.holdMs).toBe(5);
  });

  const badPatches: [string, string][] = [
    ['wrong type', JSON.stringify({ pool: { maxOpen: 'ten' } })],
    ['out of range', JSON.stringify({ pool: { acquireTimeoutMs: 0 } })],
    ['not an integer', JSON.stringify({ pool: { maxOpen: 2.5 } })],
    ['unknown pool key', JSON.stringify({ pool: { maxOpenn: 3 } })],
    ['unknown top-level key', JSON.stringify({ pools: { maxOpen: 3 } })],
    ['valid pool half but invalid load half', JSON.stringify({ pool: { maxOpen: 3 }, load: { concurrency: -1 } })],
    ['cross-field rule', JSON.stringify({ pool: { minIdle: 9, maxIdle: 8 } })],
    ['bad enum', JSON.stringify({ pool: { healthCheckMethod: 'telepathy' } })],
    ['array body', JSON.stringify([1, 2])],
    ['malformed JSON', '{"pool": {"maxOpen": 3'],
  ];

  it.each(badPatches)('PATCH with %s is a 400 with details and leaves the config byte-for-byte unchanged', async (_name, payload) => {
    const before = await getConfigText();
    const response = await t.app.inject({ method: 'PATCH', url: '/api/config', payload, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(typeof body.code).toBe('string');
    expect(body).not.toHaveProperty('error');
    expect(typeof body.message).toBe('string');
    expect(Array.isArray(body.details)).toBe(true);
    expect(await getConfigText()).toBe(before);
  });

  it('names the offending field and its allowed range', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: 999_999 } } });
    const body = response.json();
    expect(body.code).toBe('INVALID_CONFIG');
    expect(body.details[0].path).toBe('/pool/maxOpen');
  });

  it('rejects a body over the size limit with 413 and applies nothing', async () => {
    const before = await getConfigText();
    const payload = JSON.stringify({ pool: { maxOpen: 3 }, padding: 'x'.repeat(100_000) });
    const response = await t.app.inject({ method: 'PATCH', url: '/api/config', payload, headers: { 'content-type': 'application/json' } });
    expect(response.statusCode).toBe(413);
    expect(await getConfigText()).toBe(before);
  });
});
