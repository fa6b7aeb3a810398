/**
 * Soak: the whole lab (targets, pool, load, API, one Socket.IO viewer) under load, a config
 * change every second and seeded target faults, for --minutes N (default 30). Samples RSS and
 * heap (after a forced GC) every --sample-seconds S (default 10), prints the series, and exits
 * 1 when memory keeps growing after warm-up or a snapshot broke a counting rule.
 *
 *   npm run soak -- --minutes 30 [--seed N] [--sample-seconds 10]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import { io as connect } from 'socket.io-client';
import { buildApp } from '../src/api/app';
import { ControlPolicy } from '../src/api/control-policy';
import { Lab } from '../src/lab/lab';
import { CALM_CONFIG, CHAOS_LIMITS, ChaosMonkey, chaosSeed } from '../test/test-support/chaos-schedule';
import { SnapshotInvariants } from '../test/test-support/snapshot-invariants';
import { judgeGrowth, type Sample } from './soak-growth';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MIB = 1024 * 1024;

const { values } = parseArgs({
  options: { minutes: { type: 'string', default: '30' }, 'sample-seconds': { type: 'string', default: '10' }, seed: { type: 'string' } },
  allowPositionals: true,
});
const minutes = Number(values.minutes);
const sampleSeconds = Number(values['sample-seconds']);
if (!(minutes > 0) || !(sampleSeconds > 0)) throw new Error('--minutes and --sample-seconds must be positive numbers');
const seed = values.seed !== undefined ? Number(values.seed) : chaosSeed();

async function main(): Promise<number> {
  console.log(`soak: ${minutes} min, sampling every ${sampleSeconds} s, chaos seed ${seed}`);
  const lab = await Lab.start({ embeddedTargets: 3, sampleHz: 10, pool: CALM_CONFIG.pool, load: CALM_CONFIG.load });
  const { app } = await buildApp({ lab, policy: new ControlPolicy(null) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const viewer = connect(url, { transports: ['websocket'], reconnection: false });
  let viewerSnapshots = 0;
  viewer.on('snapshot', () => viewerSnapshots++);
  const invariants = new SnapshotInvariants({
    settleMs: CHAOS_LIMITS.maxRequestTimeoutMs + CHAOS_LIMITS.maxHoldMs + CHAOS_LIMITS.maxHealthCheckTimeoutMs + 1500,
  });
  lab.onTick((snapshot) => invariants.observe(snapshot));
  const monkey = new ChaosMonkey(lab, seed);
  monkey.start();

  const samples: Sample[] = [];
  const startedAt = Date.now();
  const endAt = startedAt + minutes * 60_000;
  const take = () => {
    gc();
    const memory = process.memoryUsage();
    const s = lab.snapshot();
    const sample: Sample = { minute: (Date.now() - startedAt) / 60_000, rssMiB: memory.rss / MIB, heapMiB: memory.heapUsed / MIB };
    samples.push(sample);
    console.log(
      `${sample.minute.toFixed(2).padStart(6)} min  rss ${sample.rssMiB.toFixed(1).padStart(6)} MiB  heap ${sample.heapMiB.toFixed(1).padStart(6)} MiB  ` +
        `requests ${s.totals.requestsStarted} (ok ${s.totals.requests.ok})  open ${s.pool.open}  viewer snapshots ${viewerSnapshots}  violations ${invariants.violations.length}`,
    );
  };
  take();
  while (Date.now() < endAt) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(sampleSeconds * 1000, endAt - Date.now())));
    take();
  }
  await monkey.stop();
  viewer.disconnect();
  await lab.close();
  await app.close();

  console.log('\nseries (minute, rss MiB, heap MiB):');
  console.log(samples.map((s) => `${s.minute.toFixed(2)},${s.rssMiB.toFixed(1)},${s.heapMiB.toFixed(1)}`).join('\n'));
  const verdicts = [
    judgeGrowth(samples, 'heapMiB', { slopeMiBPerMin: 0.25, riseMiB: 2 }),
    judgeGrowth(samples, 'rssMiB', { slopeMiBPerMin: 1, riseMiB: 8 }),
  ];
  for (const v of verdicts) console.log(v.summary);
  const problems = [...verdicts.filter((v) => v.growing).map((v) => v.summary), ...invariants.violations, ...monkey.errors];
  if (viewerSnapshots < minutes * 60 * 5) problems.push(`the viewer saw only ${viewerSnapshots} snapshots`);
  console.log(problems.length === 0 ? '\nsoak: PASS' : `\nsoak: FAIL\n${problems.join('\n')}`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
