import { describe, expect, it } from 'vitest';
import { AddressBuckets } from './address-buckets';

describe('AddressBuckets', () => {
  it('gives each address its own bucket and one address one bucket, however it is spelled', () => {
    let nowMs = 0;
    const buckets = new AddressBuckets(2, 1, () => nowMs);
    expect([buckets.take('127.0.0.1'), buckets.take('::ffff:127.0.0.1'), buckets.take('127.0.0.1')]).toEqual([true, true, false]);
    expect(buckets.take('10.0.0.2')).toBe(true);
    nowMs += 1000;
    expect(buckets.take('127.0.0.1')).toBe(true);
    expect(buckets.take('127.0.0.1')).toBe(false);
  });

  it('keys IPv6 clients by their /64, so rotating the interface id buys no new burst', () => {
    const buckets = new AddressBuckets(1, 1, () => 0);
    expect(buckets.take('2001:db8:1:2::1')).toBe(true);
    expect(buckets.take('2001:db8:1:2::ffff')).toBe(false);
    expect(buckets.take('2001:db8:1:3::1')).toBe(true);
  });
});
