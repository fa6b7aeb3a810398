import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../src/cli-options';

describe('parseCliOptions', () => {
  it('has the documented defaults', () => {
    expect(parseCliOptions([], {})).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      embeddedTargets: 2,
      targets: [],
      sampleHz: 10,
      controlToken: undefined,
    });
  });

  it("takes the relays' Redis from --redis or POOLSCOPE_REDIS, and refuses anything but a redis:// URL", () => {
    expect(parseCliOptions([], {}).redisUrl).toBeUndefined();
    expect(parseCliOptions(['--redis', 'redis://127.0.0.1:6379'], { POOLSCOPE_REDIS: 'redis://other:1' }).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(parseCliOptions([], { POOLSCOPE_REDIS: 'rediss://cache.example:6380/2' }).redisUrl).toBe('rediss://cache.example:6380/2');
    expect(() => parseCliOptions(['--redis', '127.0.0.1:6379'], {})).toThrow(/redis:\/\//);
    expect(() => parseCliOptions(['--redis', 'http://127.0.0.1:6379'], {})).toThrow(/redis:\/\/ or rediss:\/\//);
  });

  it('takes flags over environment variables', () => {
    const options = parseCliOptions(['--port', '4000', '--target', '127.0.0.1:7007', '--target', 'localhost:7008'], {
      PORT: '5000',
      HOST: '0.0.0.0',
      POOLSCOPE_TARGETS: 'x:1',
    });
    expect(options.port).toBe(4000);
    expect(options.host).toBe('0.0.0.0');
    expect(options.targets).toEqual([
      { host: '127.0.0.1', port: 7007 },
      { host: 'localhost', port: 7008 },
    ]);
  });

  it('reads comma-separated targets and the token from the environment', () => {
    const options = parseCliOptions([], {
      POOLSCOPE_TARGETS: '127.0.0.1:1,[::1]:2',
      POOLSCOPE_CONTROL_TOKEN: 't',
      POOLSCOPE_EMBEDDED_TARGETS: '0',
    });
    expect(options.targets).toEqual([
      { host: '127.0.0.1', port: 1 },
      { host: '::1', port: 2 },
    ]);
    expect(options.controlToken).toBe('t');
    expect(options.embeddedTargets).toBe(0);
  });

  it('reads allowed hosts and origins from flags or comma-separated environment variables', () => {
    expect(parseCliOptions([], {})).toMatchObject({ allowedHosts: [], allowedOrigins: [] });
    const fromEnv = parseCliOptions([], {
      POOLSCOPE_ALLOWED_HOSTS: 'Lab.Example, 192.168.1.20,[fd00::5]',
      POOLSCOPE_ALLOWED_ORIGINS: 'http://Dash.Example:8080/',
    });
    expect(fromEnv.allowedHosts).toEqual(['lab.example', '192.168.1.20', 'fd00::5']);
    expect(fromEnv.allowedOrigins).toEqual(['http://dash.example:8080']);
    const fromFlags = parseCliOptions(['--allowed-hosts', 'a.example', '--allowed-origins', 'https://b.example'], {
      POOLSCOPE_ALLOWED_HOSTS: 'c.example',
    });
    expect(fromFlags).toMatchObject({ allowedHosts: ['a.example'], allowedOrigins: ['https://b.example'] });
  });

  it('refuses an allowed host with a port, path or wildcard, and an origin that is not scheme://host[:port]', () => {
    for (const bad of ['lab.example:3000', '*', '*.example.com', 'a/b', 'user@lab.example']) {
      expect(() => parseCliOptions(['--allowed-hosts', bad], {}), bad).toThrow(/--allowed-hosts/);
    }
    for (const bad of ['lab.example', 'null', 'http://lab.example/path', 'ftp://lab.example']) {
      expect(() => parseCliOptions(['--allowed-origins', bad], {}), bad).toThrow(/--allowed-origins/);
    }
  });

  it('explains bad values instead of starting with them', () => {
    expect(() => parseCliOptions(['--port', 'http'], {})).toThrow(/--port must be a whole number/);
    expect(() => parseCliOptions(['--target', 'nohost'], {})).toThrow(/host:port/);
    expect(() => parseCliOptions(['--bogus'], {})).toThrow();
    expect(() => parseCliOptions(['--config', '/nonexistent.json'], {})).toThrow(/cannot read config file/);
  });
});
