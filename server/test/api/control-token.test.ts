import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlPolicy } from '../../src/api/control-policy';
import { startTestLab, type TestLab } from '../test-support/test-lab';

describe('control token on REST', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab({ token: 's3cret-token' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets anyone watch without the token', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/config' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/snapshot' })).statusCode).toBe(200);
  });

  it('refuses a change without the token (401) and with a wrong one (403), applying nothing', async () => {
    const before = t.lab.pool.config.maxOpen;
    const missing = await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: before + 1 } } });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().code).toBe('UNAUTHORIZED');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/config',
      payload: { pool: { maxOpen: before + 1 } },
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrong.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/targets', payload: { embedded: true } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/scenarios/steady/apply' })).statusCode).toBe(401);
    expect(t.lab.pool.config.maxOpen).toBe(before);
  });

  it('accepts a change with the right bearer token', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/config',
      payload: { pool: { maxOpen: 12, maxIdle: 12 } },
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(response.statusCode).toBe(200);
    expect(t.lab.pool.config.maxOpen).toBe(12);
  });
});

describe('ControlPolicy.forBinding', () => {
  it('needs no token on loopback unless one is given', () => {
    expect(ControlPolicy.forBinding('127.0.0.1', undefined).required).toBe(false);
    expect(ControlPolicy.forBinding('::1', undefined).required).toBe(false);
    expect(ControlPolicy.forBinding('127.0.0.1', 'given').check('given')).toBe('ok');
  });

  it('decides loopback by the parsed address: a name that starts with 127. is not loopback and gets a token', () => {
    expect(ControlPolicy.forBinding('127.example.com', undefined).required).toBe(true);
    expect(ControlPolicy.forBinding('127.0.0.1.nip.io', undefined).required).toBe(true);
    expect(ControlPolicy.forBinding('127.0.0.2', undefined).required).toBe(false);
    expect(ControlPolicy.forBinding('::ffff:127.0.0.1', undefined).required).toBe(false);
    expect(ControlPolicy.forBinding('localhost', undefined).required).toBe(false);
  });

  it('generates a long random token when bound beyond loopback', () => {
    const policy = ControlPolicy.forBinding('0.0.0.0', undefined);
    expect(policy.required).toBe(true);
    expect(policy.token!.length).toBeGreaterThanOrEqual(20);
    expect(policy.check(policy.token)).toBe('ok');
    expect(policy.check(policy.token!.slice(1))).toBe('wrong');
    expect(policy.check(undefined)).toBe('missing');
    expect(ControlPolicy.forBinding('0.0.0.0', undefined).token).not.toBe(policy.token);
  });
});
