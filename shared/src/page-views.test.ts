import { describe, expect, it } from 'vitest';
import { AUDIENCE_PATH, pageViewOf } from './page-views';

describe('the view a page shows, from its query', () => {
  it('tells the audience page, the speaker notes and the dashboard apart', () => {
    expect(pageViewOf(AUDIENCE_PATH.slice(1))).toBe('audience');
    expect(pageViewOf('?audience=1&token=x')).toBe('audience');
    expect(pageViewOf('?audience=0')).toBe('dashboard');
    expect(pageViewOf('?speaker=1')).toBe('speaker-notes');
    expect(pageViewOf('?speaker&audience=1')).toBe('speaker-notes');
    expect(pageViewOf('')).toBe('dashboard');
  });
});
