/**
 * A seed for one run of a randomised test: the environment variable replays a given run;
 * otherwise each run draws a fresh one, so the suite explores new cases every time. The seed is
 * printed, so any failure can be replayed exactly (fast-check also prints seed and path on failure).
 */
export function runSeed(variable: string, what: string, env: NodeJS.ProcessEnv = process.env): number {
  const given = env[variable];
  let seed: number;
  if (given !== undefined && given !== '') {
    seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`${variable} must be a non-negative integer, got ${given}`);
  } else {
    seed = Math.floor(Math.random() * 2 ** 31);
  }
  console.log(`${what} seed ${seed} (replay with ${variable}=${seed})`);
  return seed;
}
