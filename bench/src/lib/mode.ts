/** Full runs for figures, smoke runs (a second or two per suite) for the tests. */
export interface BenchMode {
  smoke: boolean;
  rounds: number;
  /** Scale a full-run duration down for smoke runs. */
  ms(fullMs: number, smokeMs: number): number;
}

export function benchMode(argv = process.argv.slice(2), env = process.env): BenchMode {
  const smoke = argv.includes('--smoke') || env.BENCH_SMOKE === '1';
  const roundsFlag = argv.find((a) => a.startsWith('--rounds='));
  const rounds = roundsFlag ? Math.max(1, Math.min(20, Number(roundsFlag.slice(9)) || 1)) : smoke ? 1 : 5;
  // --window-scale=3 measures three times as long per run: fewer, steadier samples on a noisy machine.
  const scaleFlag = argv.find((a) => a.startsWith('--window-scale='));
  const windowScale = scaleFlag ? Math.max(0.1, Math.min(10, Number(scaleFlag.slice(15)) || 1)) : 1;
  return { smoke, rounds, ms: (fullMs, smokeMs) => (smoke ? smokeMs : fullMs * windowScale) };
}

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
