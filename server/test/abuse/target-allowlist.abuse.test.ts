import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetAllowlist } from '../../src/lab/target-allowlist';
import { startTestLab, type TestLab } from '../test-support/test-lab';

// Every host here is an IP literal, a numeric shorthand or `localhost`: all resolved on this machine, none sent to DNS.
const OUTSIDE = [
  'localhost',
  '127.0.0.1',
  '127.1',
  '2130706433',
  '0x7f.0.0.1',
  '::1',
  '::ffff:127.0.0.1',
  '0.0.0.0',
  '169.254.169.254',
  '192.168.1.1',
  '11.0.0.1',
  '9.255.255.255',
];

describe('external targets must resolve into the allowlist (here 10.0.0.0/8 only)', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab({ embeddedTargets: 0, allowTargets: '10.0.0.0/8', load: { running: false } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses addresses outside it with 403 TARGET_NOT_ALLOWED, including names and numeric shorthands that resolve outside it', async () => {
    for (const host of OUTSIDE) {
      const response = await t.app.inject({ method: 'POST', url: '/api/targets', payload: { host, port: 7007 } });
      expect(response.statusCode, `${host}: ${response.body}`).toBe(403);
      expect(response.json().code).toBe('TARGET_NOT_ALLOWED');
    }
    expect(t.lab.targets.list()).toEqual([]);
    expect(t.lab.pool.stats().dials).toBe(0);
  });

  it('checks every address a name resolves to, and would accept one inside the range (checked without dialling it)', async () => {
    const allowlist = new TargetAllowlist('10.0.0.0/8');
    expect(await allowlist.check('10.1.2.3')).toEqual({ ok: true, address: '10.1.2.3' });
    expect((await allowlist.check('localhost')).ok).toBe(false);
    // localhost resolves to 127.0.0.1 (and often ::1): allowing only one of them is not enough when both come back.
    const onlyV4 = new TargetAllowlist('127.0.0.1/32');
    const verdict = await onlyV4.check('localhost');
    const { lookup } = await import('node:dns/promises');
    const addresses = (await lookup('localhost', { all: true })).map((a) => a.address);
    expect(verdict.ok).toBe(addresses.every((a) => a === '127.0.0.1'));
  });
});
