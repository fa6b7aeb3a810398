import { describe, expect, it } from 'vitest';
import { TargetAllowlist } from '../../src/lab/target-allowlist';

describe('TargetAllowlist', () => {
  it('allows loopback and refuses private and public addresses by default', async () => {
    const allowlist = new TargetAllowlist();
    expect(allowlist.allowsAddress('127.0.0.1')).toBe(true);
    expect(allowlist.allowsAddress('127.8.9.10')).toBe(true);
    expect(allowlist.allowsAddress('::1')).toBe(true);
    for (const address of ['10.0.0.1', '192.168.1.1', '172.16.0.1', '8.8.8.8', '0.0.0.0', '::ffff:10.0.0.1']) {
      expect(allowlist.allowsAddress(address), address).toBe(false);
    }
    expect(await allowlist.check('10.0.0.1')).toMatchObject({ ok: false });
  });

  it('resolves a hostname and checks every address it resolves to', async () => {
    const allowlist = new TargetAllowlist();
    expect(await allowlist.check('localhost')).toMatchObject({ ok: true });
    const strict = new TargetAllowlist('10.0.0.0/8');
    expect(await strict.check('localhost')).toMatchObject({ ok: false });
  });

  it('refuses a host that does not resolve, with the reason', async () => {
    const verdict = await new TargetAllowlist().check('no-such-host.invalid');
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toContain('cannot resolve');
  });

  it('rejects a malformed allowlist entry at start', () => {
    expect(() => new TargetAllowlist('not-an-ip')).toThrow(/not an IP/);
    expect(() => new TargetAllowlist('10.0.0.0/40')).toThrow(/prefix/);
  });
});
