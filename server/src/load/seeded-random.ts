/**
 * A seeded uniform PRNG in [0, 1): mulberry32 (Tommy Ettinger's public-domain 32-bit generator).
 * Written out rather than taken from a library: it is eight lines, its output is fixed forever
 * (a library update cannot change a comparison's schedule), and it is fast enough to make one
 * per arrival. Its 2^32 period is far beyond any lab run.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed of stream `index` under `seed` (a murmur3 finaliser over seed + index × golden ratio),
 * so worker 3's draws are not worker 2's shifted by one.
 */
export function streamSeed(seed: number, index: number): number {
  let z = (seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A fresh seed for a comparison started without one. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 4294967296) >>> 0;
}
