import { describe, expect, it } from 'vitest';
import { mannWhitneyU, normalSurvival } from './mann-whitney';

/** Reference values from scipy 1.17.1: scipy.stats.mannwhitneyu(x, y, method='asymptotic') (continuity and tie corrected). */
describe('mannWhitneyU', () => {
  it('matches scipy on the documented males/females example (U = 17, p = 0.1113)', () => {
    const result = mannWhitneyU([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(result.u).toBe(17);
    expect(result.pValue).toBeCloseTo(0.11134688653314041, 6);
  });

  it('matches scipy with many ties (U = 7.5, p = 0.00627)', () => {
    const result = mannWhitneyU([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 7, 7, 7]);
    expect(result.u).toBe(7.5);
    expect(result.pValue).toBeCloseTo(0.006274233849838661, 6);
  });

  it('matches scipy on 30 one-second samples per arm (U = 325, p = 0.0656: not significant at 0.05)', () => {
    const a = [
      14.1, 4.9, 10.8, 8.9, 9.1, 9.6, 6.0, 9.5, 8.3, 16.6, 10.5, 9.3, 9.4, 8.7, 7.9, 9.2, 11.0, 9.5, 11.9, 9.6, 10.0, 13.1, 11.1, 9.0, 9.6,
      11.1, 13.9, 9.5, 9.5, 12.0,
    ];
    const b = [
      9.2, 10.4, 12.8, 12.2, 11.2, 12.3, 5.3, 13.0, 9.1, 7.7, 11.6, 12.4, 10.1, 8.8, 11.1, 10.9, 13.8, 12.5, 11.4, 13.2, 10.6, 9.1, 12.2,
      12.2, 10.6, 9.4, 11.5, 6.0, 12.4, 12.0,
    ];
    const result = mannWhitneyU(a, b);
    expect(result.u).toBe(325);
    expect(result.pValue).toBeCloseTo(0.06555127669368754, 6);
  });

  it('gives p = 1 when every value ties (no spread to test), as scipy does, and for a near-constant pair p = 0.405', () => {
    expect(mannWhitneyU([1, 1, 1], [1, 1, 1]).pValue).toBe(1);
    expect(mannWhitneyU([0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1]).pValue).toBeCloseTo(0.40465676192728617, 6);
    expect(mannWhitneyU([], [1, 2]).pValue).toBe(1);
  });

  it('normalSurvival is the standard normal tail', () => {
    expect(normalSurvival(0)).toBeCloseTo(0.5, 7);
    expect(normalSurvival(1.959963984540054)).toBeCloseTo(0.025, 6);
  });
});
