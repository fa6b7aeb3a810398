import { describe, expect, it } from 'vitest';
import { fullJitterBackoffMs } from './backoff';
import { TargetSet } from './target-set';

describe('dial backoff and target choice', () => {
  it('doubles the ceiling per consecutive failure up to the cap, with full jitter below it', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 10].map((n) => fullJitterBackoffMs(n, 100, 1000, top))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(fullJitterBackoffMs(3, 100, 1000, () => 0)).toBe(0);
    expect(fullJitterBackoffMs(0, 100, 1000, top)).toBe(0);
    expect(fullJitterBackoffMs(2000, 100, 60_000, top)).toBe(59_999);
  });

  it('picks targets round-robin and skips those in backoff', () => {
    const targets = new TargetSet();
    for (const id of ['a', 'b', 'c']) targets.add({ id, host: '127.0.0.1', port: 1 });
    expect([0, 0, 0, 0].map(() => targets.pick(0)?.target.id)).toEqual(['a', 'b', 'c', 'a']);
    targets.get('b')!.backoffUntil = 100;
    expect([0, 0, 0].map(() => targets.pick(50)?.target.id)).toEqual(['c', 'a', 'c']);
    targets.get('a')!.backoffUntil = 80;
    targets.get('c')!.backoffUntil = 100;
    expect(targets.pick(50)).toBeUndefined();
    expect(targets.earliestBackoffEndMs()).toBe(80);
    expect(targets.stats(50).map((t) => t.state)).toEqual(['backoff', 'backoff', 'backoff']);
    expect(() => targets.add({ id: 'a', host: 'x', port: 2 })).toThrow(/already/);
  });
});
