import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_CONFIG } from '@poolscope/shared/config-rules';
import { makePayload } from './payload';
import { chance, holdDurationMs, poissonGapMs } from './timing';

describe('load timing', () => {
  it('varies the hold uniformly by up to holdJitterMs either way, never below zero', () => {
    const config = { ...DEFAULT_LOAD_CONFIG, holdMs: 20, holdJitterMs: 10 };
    expect(holdDurationMs(config, () => 0)).toBe(10);
    expect(holdDurationMs(config, () => 0.5)).toBe(20);
    expect(holdDurationMs({ ...config, holdMs: 5 }, () => 0)).toBe(0);
    expect(holdDurationMs({ ...config, holdJitterMs: 0 }, () => 0)).toBe(20);
  });

  it('draws Poisson gaps whose mean is 1000 / ratePerSec ms', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    let totalMs = 0;
    for (let i = 0; i < 20_000; i += 1) totalMs += poissonGapMs(250, random);
    expect(totalMs / 20_000).toBeCloseTo(4, 1);
    expect(poissonGapMs(100, () => 0)).toBeCloseTo(0);
  });

  it('draws no random number for a probability of 0', () => {
    let draws = 0;
    const random = () => ((draws += 1), 0);
    expect(chance(0, random)).toBe(false);
    expect(draws).toBe(0);
    expect(chance(1, random)).toBe(true);
  });

  it('makes payloads of the exact size that do not start like a 4-byte length prefix', () => {
    const payload = makePayload(262_144);
    expect(payload.length).toBe(262_144);
    expect(payload.readUInt32BE(0)).toBeGreaterThan(16 * 1024 * 1024);
    expect(makePayload(1).length).toBe(1);
  });
});
