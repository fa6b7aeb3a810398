/**
 * Two-sided Mann–Whitney U test by the normal approximation, with the tie correction and the
 * continuity correction: the same numbers as scipy.stats.mannwhitneyu(x, y, method='asymptotic').
 * Written out rather than taken from a statistics library: it is the only test the lab needs,
 * and its output is pinned against scipy's in the tests.
 */
export function mannWhitneyU(x: readonly number[], y: readonly number[]): { u: number; pValue: number } {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) return { u: 0, pValue: 1 };
  const pooled = [...x.map((value) => ({ value, fromX: true })), ...y.map((value) => ({ value, fromX: false }))];
  pooled.sort((p, q) => p.value - q.value);
  let rankSumX = 0;
  let tieTerm = 0; // sum over tie groups of t^3 - t
  for (let start = 0; start < pooled.length;) {
    let end = start;
    while (end + 1 < pooled.length && (pooled[end + 1] as { value: number }).value === (pooled[start] as { value: number }).value) end++;
    const midRank = (start + end) / 2 + 1; // ranks start at 1; a tie group shares its mean rank
    for (let i = start; i <= end; i++) if ((pooled[i] as { fromX: boolean }).fromX) rankSumX += midRank;
    const t = end - start + 1;
    tieTerm += t * t * t - t;
    start = end + 1;
  }
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const meanU = (n1 * n2) / 2;
  const sdU = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  if (sdU === 0) return { u, pValue: 1 };
  const z = (Math.abs(u - meanU) - 0.5) / sdU;
  return { u, pValue: Math.min(1, 2 * normalSurvival(Math.max(0, z))) };
}

/** P(Z > z) for a standard normal Z, via Numerical Recipes' Chebyshev fit of erfc (fractional error under 1.2e-7). */
export function normalSurvival(z: number): number {
  return erfc(z / Math.SQRT2) / 2;
}

function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(poly);
  return x >= 0 ? result : 2 - result;
}
