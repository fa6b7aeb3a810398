import { describe, expect, it } from 'vitest';
import { presenterAction, stepAfter } from './presenter-keys';

const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; target: EventTarget | null }> = {}) =>
  presenterAction({ key: k, altKey: false, ctrlKey: false, metaKey: false, target: null, ...extra });

describe('presenter keys', () => {
  it('maps reveal.js keys: → and Space next, ← back, Home/End, Esc, S notes, B blank, ? help', () => {
    expect([key('ArrowRight'), key(' '), key('ArrowLeft'), key('Home'), key('End'), key('Escape'), key('s'), key('B'), key('?')]).toEqual([
      'next',
      'next',
      'previous',
      'first',
      'last',
      'exit',
      'notes',
      'blank',
      'help',
    ]);
  });

  it('leaves keys alone with a modifier or typed into a form field', () => {
    expect(key('ArrowRight', { altKey: true })).toBeNull();
    expect(key('s', { ctrlKey: true })).toBeNull();
    expect(key(' ', { target: { tagName: 'INPUT' } as unknown as EventTarget })).toBeNull();
    expect(key('x')).toBeNull();
  });

  it('keeps moves within the lesson', () => {
    expect(stepAfter('next', 7, 7)).toBe(7);
    expect(stepAfter('previous', 1, 7)).toBe(1);
    expect(stepAfter('next', 3, 7)).toBe(4);
    expect(stepAfter('last', 2, 7)).toBe(7);
    expect(stepAfter('first', 5, 7)).toBe(1);
  });
});
