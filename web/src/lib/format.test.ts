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

  it('writes numbers as Intl.NumberFormat("en") does, without loading it on the first paint', () => {
    const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    const oneDecimal = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    const edges = [
      0,
      -0,
      1e-7,
      -3e-9,
      0.05,
      0.15,
      0.25,
      0.95,
      99.95,
      -0.04,
      -0.05,
      -2.5,
      1.45,
      999.5,
      1234.5,
      12_345_678.9,
      -1_000_000,
      1e20,
      2 ** 53,
      1e21,
      9.96,
      99.96,
    ];
    // A fixed pseudo-random spread over many magnitudes, so a failure is reproducible.
    let seed = 7;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    const spread = Array.from({ length: 2000 }, () => (next() - 0.3) * 10 ** Math.floor(next() * 9));
    for (const value of [...edges, ...spread]) {
      const intl = Math.abs(value) >= 100 || Number.isInteger(value) ? integer.format(value) : oneDecimal.format(value);
      expect(formatNumber(value), String(value)).toBe(intl);
    }
    expect(formatWithUnit(1_610_612_736, 'bytes')).toBe('1,536 MiB');
  });
});
