import { afterEach, describe, expect, it } from 'vitest';
import { readControlToken } from './control-token';

describe('readControlToken', () => {
  afterEach(() => {
    sessionStorage.clear();
    window.history.replaceState(null, '', '/');
  });

  it('keeps the token from ?token= for the session and takes it out of the address bar, other parameters and hash kept', () => {
    window.history.replaceState({ kept: true }, '', '/?pool.maxOpen=4&token=s3cret&load.thinkMs=5#events');
    const lengthBefore = window.history.length;
    expect(readControlToken()).toBe('s3cret');
    expect(window.location.search).toBe('?pool.maxOpen=4&load.thinkMs=5');
    expect(window.location.hash).toBe('#events');
    expect(window.location.href).not.toContain('s3cret');
    expect(window.history.length).toBe(lengthBefore);
    expect(window.history.state).toEqual({ kept: true });
    expect(readControlToken()).toBe('s3cret');
  });

  it('leaves an address without a token alone', () => {
    window.history.replaceState(null, '', '/?pool.maxOpen=4');
    sessionStorage.setItem('poolscope.controlToken', 'stored');
    expect(readControlToken()).toBe('stored');
    expect(window.location.search).toBe('?pool.maxOpen=4');
  });
});
