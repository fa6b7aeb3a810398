export interface Sample {
  minute: number;
  rssMiB: number;
  heapMiB: number;
}

export interface GrowthVerdict {
  growing: boolean;
  summary: string;
}

/**
 * "Keeps growing after warm-up": over the second half of the run (the first half is warm-up:
 * JIT, histograms, buffers reaching their working size), the least-squares slope exceeds
 * `slopeMiBPerMin` AND the last third's median sits more than `riseMiB` above the middle
 * third's. Both must hold: a slope alone is fooled by one late spike, a step alone by noise.
 */
export function judgeGrowth(
  samples: Sample[],
  key: 'rssMiB' | 'heapMiB',
  limits: { slopeMiBPerMin: number; riseMiB: number },
): GrowthVerdict {
  if (samples.length < 6) return { growing: false, summary: `${key}: too few samples (${samples.length}) to judge` };
  const secondHalf = samples.slice(Math.floor(samples.length / 2));
  const slope = slopeOf(
    secondHalf.map((s) => s.minute),
    secondHalf.map((s) => s[key]),
  );
  const third = Math.floor(samples.length / 3);
  const rise =
    median(samples.slice(samples.length - third).map((s) => s[key])) - median(samples.slice(third, 2 * third).map((s) => s[key]));
  const growing = slope > limits.slopeMiBPerMin && rise > limits.riseMiB;
  return {
    growing,
    summary: `${key}: slope over the second half ${slope.toFixed(3)} MiB/min (limit ${limits.slopeMiBPerMin}), last third vs middle third ${rise >= 0 ? '+' : ''}${rise.toFixed(2)} MiB (limit ${limits.riseMiB}) -> ${growing ? 'GROWING' : 'flat'}`,
  };
}

function slopeOf(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
