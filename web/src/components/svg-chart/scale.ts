/** A linear map from a domain to pixels; a zero-width domain maps to the start of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const span = d1 - d0;
  const k = span === 0 ? 0 : (r1 - r0) / span;
  return (value) => r0 + (value - d0) * k;
}

/** 1, 2 or 5 times a power of ten, the smallest such step >= `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/**
 * Ticks from 0 to a rounded top at or above `max`, about `count` of them. Whole-number steps
 * only (the axes show counts, rates and milliseconds, where 0.5 of a tick label reads as noise).
 */
export function valueTicks(max: number, count = 4): number[] {
  const step = Math.max(1, niceStep(max / count));
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  return ticks;
}

const TIME_STEPS_MS = [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000];

/** Clock-aligned ticks across [from, to], at least `minGapPx` apart on a `widthPx` axis. */
export function timeTicks(from: number, to: number, widthPx: number, minGapPx = 90): number[] {
  const span = Math.max(1, to - from);
  const step = TIME_STEPS_MS.find((s) => (s / span) * widthPx >= minGapPx) ?? (TIME_STEPS_MS.at(-1) as number);
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
