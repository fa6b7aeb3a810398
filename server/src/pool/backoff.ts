/**
 * "Full jitter" exponential backoff (AWS architecture blog): a uniform delay between 0 and
 * base * 2^(failures - 1), capped. Spreads redials so a recovering target is not stampeded.
 */
export function fullJitterBackoffMs(consecutiveFailures: number, baseMs: number, maxMs: number, random: () => number): number {
  if (consecutiveFailures <= 0) return 0;
  const ceilingMs = Math.min(maxMs, baseMs * 2 ** Math.min(consecutiveFailures - 1, 30));
  return Math.floor(random() * ceilingMs);
}
