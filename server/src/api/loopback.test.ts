import { describe, expect, it } from 'vitest';
import { bareHost, isLoopbackHost } from './loopback';

describe('isLoopbackHost', () => {
  it('accepts localhost and loopback addresses in every spelling', () => {
    for (const host of [
      'localhost',
      'LOCALHOST',
      '127.0.0.1',
      '127.1.2.3',
      '127.255.255.255',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '[::ffff:127.9.8.7]',
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('refuses names and addresses that only look like loopback', () => {
    for (const host of [
      '127.example.com',
      '127.0.0.1.nip.io',
      '127.',
      '1270.0.0.1',
      'localhost.evil.example',
      '0.0.0.0',
      '::',
      '192.168.1.20',
      '::ffff:10.0.0.1',
      '::2',
      '',
      'example.com',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('bareHost', () => {
  it('drops brackets, lower-cases and writes IPv6 one way', () => {
    expect(bareHost('[::1]')).toBe('::1');
    expect(bareHost('Lab.Example')).toBe('lab.example');
    expect(bareHost('0:0:0:0:0:0:0:1')).toBe('::1');
  });
});
