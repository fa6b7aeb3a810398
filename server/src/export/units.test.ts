import { describe, expect, it } from 'vitest';
import { parseGoDurationExpr } from './pgxpool';
import { goDurationExpr, goDurationString, parseGoDuration } from './units';

describe('Go durations', () => {
  it.each([
    [0, '0s'],
    [500, '500ms'],
    [1500, '1500ms'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [3_661_000, '1h1m1s'],
  ])('%i ms is written %s and read back', (ms, text) => {
    expect(goDurationString(ms)).toBe(text);
    expect(parseGoDuration(text)).toBe(ms);
  });

  it('reads fractions and rejects what is not a duration', () => {
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(parseGoDuration('30')).toBeNull();
    expect(parseGoDuration('5 minutes')).toBeNull();
    expect(parseGoDuration('')).toBeNull();
  });

  it.each([
    [0, '0'],
    [500, '500 * time.Millisecond'],
    [2000, '2 * time.Second'],
    [120_000, '2 * time.Minute'],
    [7_200_000, '2 * ' + 'time.Hour'],
  ])('%i ms as a Go expression is %s, read back', (ms, expr) => {
    expect(goDurationExpr(ms)).toBe(expr);
    expect(parseGoDurationExpr(expr)).toBe(ms);
  });
});
