import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps items in insertion order below capacity', () => {
    const ring = new RingBuffer<number>(3);
    ring.push(1);
    ring.push(2);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.length).toBe(2);
    expect(ring.last()).toBe(2);
  });

  it('overwrites the oldest item once full and never grows past capacity', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 10; i += 1) ring.push(i);
    expect(ring.length).toBe(3);
    expect(ring.toArray()).toEqual([8, 9, 10]);
    expect(ring.at(0)).toBe(8);
    expect(ring.at(3)).toBeUndefined();
  });

  it('finds the first item at or after a key by binary search across the wrap point', () => {
    const ring = new RingBuffer<{ t: number }>(5);
    for (let t = 0; t < 8; t += 1) ring.push({ t: t * 100 });
    // holds t = 300..700
    expect(ring.lowerBound((s) => s.t, 0)).toBe(0);
    expect(ring.lowerBound((s) => s.t, 450)).toBe(2);
    expect(ring.at(ring.lowerBound((s) => s.t, 500))?.t).toBe(500);
    expect(ring.lowerBound((s) => s.t, 9999)).toBe(5);
  });

  it('names each item by a serial that stays with it while older items are overwritten', () => {
    const ring = new RingBuffer<string>(3);
    for (const item of ['a', 'b', 'c', 'd', 'e']) ring.push(item);
    expect(ring.toArray()).toEqual(['c', 'd', 'e']);
    expect(ring.firstSerial).toBe(2); // 'c' was the third push
    ring.clear();
    ring.push('f');
    expect(ring.firstSerial).toBe(5);
  });

  it('tells a reader that kept something derived from its items when it was cleared (a new epoch)', () => {
    const ring = new RingBuffer<number>(2);
    const before = ring.epoch;
    ring.push(1);
    ring.push(2);
    ring.push(3);
    expect(ring.epoch).toBe(before); // appending, even past capacity, keeps the epoch
    ring.clear();
    expect(ring.epoch).not.toBe(before);
  });

  it('clears to empty', () => {
    const ring = new RingBuffer<number>(2);
    ring.push(1);
    ring.clear();
    expect(ring.length).toBe(0);
    expect(ring.toArray()).toEqual([]);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
