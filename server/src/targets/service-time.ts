import type { TargetKnobs } from '@poolscope/shared/target-config';

/** Latency varied uniformly by up to jitterMs either way, never below zero. */
export function serviceDelayMs(knobs: Readonly<TargetKnobs>, random: () => number): number {
  if (knobs.jitterMs === 0) return knobs.latencyMs;
  return Math.max(0, knobs.latencyMs + (random() * 2 - 1) * knobs.jitterMs);
}

/** True with the given probability; draws no random number for 0, so tests can script draws. */
export function chance(probability: number, random: () => number): boolean {
  return probability > 0 && random() < probability;
}

const HEADER_BYTES = 4;

/**
 * Corrupt a reply in place, keeping its length. A whole frame keeps its length header so the
 * client reads a reply of the right size and notices the bad bytes (WIRE_BAD_REPLY) at once,
 * instead of waiting for a length that never comes; every other byte is inverted so no check
 * can miss it. A bare chunk (or an empty frame) is inverted whole.
 */
export function garble(unit: Buffer): void {
  const framed = unit.length > HEADER_BYTES && unit.readUInt32BE(0) === unit.length - HEADER_BYTES;
  for (let i = framed ? HEADER_BYTES : 0; i < unit.length; i += 1) unit[i] = (unit[i] as number) ^ 0xff;
}
