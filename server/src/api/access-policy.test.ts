import { describe, expect, it } from 'vitest';
import { AccessPolicy, canonicalOrigin } from './access-policy';

const loopback = new AccessPolicy({ bindHost: '127.0.0.1' });

describe('AccessPolicy.hostAllowed', () => {
  it('serves loopback names on any port', () => {
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST:5173', '127.0.0.1']) {
      expect(loopback.hostAllowed(host), host).toBe(true);
    }
  });

  it('refuses a rebinding name, a missing header and anything that is not host[:port]', () => {
    for (const host of [
      undefined,
      '',
      'rebind.evil.example:3000',
      '127.example.com',
      'localhost.evil.example',
      'user@localhost',
      'localhost/x',
      'localhost:99999',
      '192.168.1.20:3000',
    ]) {
      expect(loopback.hostAllowed(host), String(host)).toBe(false);
    }
  });

  it('serves names given with --allowed-hosts and the bound address', () => {
    const policy = new AccessPolicy({ bindHost: '127.0.0.2', allowedHosts: ['Lab.Example', '[fd00::5]'] });
    expect(policy.hostAllowed('lab.example:3000')).toBe(true);
    expect(policy.hostAllowed('[fd00::5]:3000')).toBe(true);
    expect(policy.hostAllowed('127.0.0.2:3000')).toBe(true);
    expect(policy.hostAllowed('evil.example:3000')).toBe(false);
  });

  it("bound beyond loopback, also serves the machine's own addresses, but not other names", () => {
    const policy = new AccessPolicy({ bindHost: '0.0.0.0', machineAddresses: ['192.168.1.20', 'fe80::1'] });
    expect(policy.hostAllowed('192.168.1.20:3000')).toBe(true);
    expect(policy.hostAllowed('[fe80::1]:3000')).toBe(true);
    expect(policy.hostAllowed('0.0.0.0:3000')).toBe(false);
    expect(policy.hostAllowed('my-laptop.local:3000')).toBe(false);
    expect(loopback.hostAllowed('192.168.1.20:3000')).toBe(false);
  });

  it('names the flag when it refuses', () => {
    expect(loopback.refuseHost('rebind.evil.example:3000')?.message).toContain('--allowed-hosts rebind.evil.example');
    expect(loopback.refuseHost('localhost:3000')).toBeNull();
  });
});

describe('AccessPolicy.originAllowed', () => {
  it('lets requests without Origin through: curl and scripts are not web pages', () => {
    expect(loopback.originAllowed(undefined, 'localhost:3000')).toBe(true);
  });

  it("accepts the lab's own origin: the one whose host:port is the request's Host (the Vite proxy keeps localhost:5173)", () => {
    expect(loopback.originAllowed('http://127.0.0.1:3000', '127.0.0.1:3000')).toBe(true);
    expect(loopback.originAllowed('http://localhost:5173', 'localhost:5173')).toBe(true);
    expect(loopback.originAllowed('http://localhost', 'localhost:80')).toBe(true);
  });

  it('refuses another site, another port, null, and an own-looking origin on a Host the lab does not serve', () => {
    expect(loopback.originAllowed('http://evil.example', 'localhost:3000')).toBe(false);
    expect(loopback.originAllowed('http://localhost:8080', 'localhost:3000')).toBe(false);
    expect(loopback.originAllowed('null', 'localhost:3000')).toBe(false);
    expect(loopback.originAllowed('http://rebind.evil.example:3000', 'rebind.evil.example:3000')).toBe(false);
    expect(loopback.originAllowed('http://localhost:3000', undefined)).toBe(false);
    expect(loopback.refuseOrigin('http://evil.example', 'localhost:3000')?.message).toContain('--allowed-origins');
  });

  it('accepts origins given with --allowed-origins, however they are spelled', () => {
    const policy = new AccessPolicy({ bindHost: '127.0.0.1', allowedOrigins: ['HTTP://Dash.Example:8080/'] });
    expect(policy.originAllowed('http://dash.example:8080', 'localhost:3000')).toBe(true);
    expect(policy.originAllowed('http://dash.example:8081', 'localhost:3000')).toBe(false);
  });
});

describe('canonicalOrigin', () => {
  it('keeps scheme://host[:port] and refuses anything else', () => {
    expect(canonicalOrigin('http://Lab.Example:80')).toBe('http://lab.example');
    expect(canonicalOrigin('https://lab.example:8443')).toBe('https://lab.example:8443');
    for (const bad of ['null', 'file:///x', 'http://lab.example/path', 'http://u@lab.example', 'lab.example', '*'])
      expect(canonicalOrigin(bad), bad).toBeNull();
  });
});
