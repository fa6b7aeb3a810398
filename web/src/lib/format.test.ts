import { describe, expect, it } from 'vitest';
import { formatMs, formatNumber, formatWithUnit, shortMs } from './format';

describe('format', () => {
  it('shows milliseconds in the most readable unit', () => {
    expect(formatMs(0)).toBe('0 ms');
    expect(formatMs(0.423)).toBe('0.42 ms');
    expect(formatMs(37.4)).toBe('37 ms');
    expect(formatMs(2500)).toBe('2.50 s');
    expect(formatMs(250_000)).toBe('4 min 10 s');
    expect(formatMs(60_000)).toBe('1 min');
    expect(formatMs(3_600_000)).toBe('1 h');
    expect(formatMs(Number.NaN)).toBe('–');
  });

  it('keeps tick labels short', () => {
    expect(shortMs(0.25)).toBe('0.25ms');
    expect(shortMs(2500)).toBe('2.5s');
    expect(shortMs(0)).toBe('0');
  });

  it('formats knob values with their schema unit', () => {
    expect(formatWithUnit(0.05, 'fraction')).toBe('5 %');
    expect(formatWithUnit(10, 'connections')).toBe('10 connections');
    expect(formatWithUnit(65_536, 'bytes')).toBe('64 KiB');
    expect(formatNumber(1234.5)).toBe('1,235');
    expect(formatNumber(12.34)).toBe('12.3');
  });
});
