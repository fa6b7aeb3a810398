import { describe, expect, it } from 'vitest';
import { Deque } from './deque';

describe('Deque', () => {
  it('works as a stack and a queue across growth and wrap-around', () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 40; i++) deque.push(i);
    for (let i = 0; i < 30; i++) expect(deque.shift()).toBe(i);
    for (let i = 40; i < 70; i++) deque.push(i);
    expect(deque.pop()).toBe(69);
    deque.unshift(-1);
    expect(deque.peekFront()).toBe(-1);
    expect(deque.toArray()).toEqual([-1, ...Array.from({ length: 39 }, (_, i) => i + 30)]);
  });

  it('removes an item from either end or the middle, keeping order', () => {
    const deque = new Deque<string>();
    for (const s of ['a', 'b', 'c', 'd']) deque.push(s);
    expect(deque.remove('a')).toBe(true);
    expect(deque.remove('d')).toBe(true);
    deque.push('e');
    expect(deque.remove('c')).toBe(true);
    expect(deque.remove('zz')).toBe(false);
    expect(deque.toArray()).toEqual(['b', 'e']);
    expect(deque.retain((s) => s !== 'b')).toBe(1);
    expect(deque.length).toBe(1);
  });

  it('returns undefined from an empty deque', () => {
    const deque = new Deque<number>();
    expect([deque.pop(), deque.shift(), deque.peekFront(), deque.at(0)]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
