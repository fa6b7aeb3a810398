import type { LoadConfig } from '@poolscope/shared/load-config';

/** holdMs varied uniformly by up to holdJitterMs either way, never below zero. */
export function holdDurationMs(config: Readonly<LoadConfig>, random: () => number): number {
  if (config.holdJitterMs === 0) return config.holdMs;
  return Math.max(0, config.holdMs + (random() * 2 - 1) * config.holdJitterMs);
}

/** Gap to the next Poisson arrival: exponentially distributed with mean 1000 / ratePerSec ms. */
export function poissonGapMs(ratePerSec: number, random: () => number): number {
  return (-Math.log(1 - random()) * 1000) / ratePerSec;
}

/** True with the given probability; draws nothing for 0, so scripted randomness stays in step. */
export function chance(probability: number, random: () => number): boolean {
  return probability > 0 && random() < probability;
}
