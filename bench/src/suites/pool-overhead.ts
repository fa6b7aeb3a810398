import { genericPool, minimalPool, poolscopePool, tarnPool, type BenchPool } from '../lib/pool-adapters';
import { benchMode, log } from '../lib/mode';
import { Recorder } from '../lib/results';
import { yieldToLoop } from '../lib/stats';

/**
 * (1) Pool overhead: acquire + release per second with trivial resources, max 10, every pool
 * in the same harness. Every 64 operations a loop yields to the event loop (setImmediate), so
 * timers run and clocks cached per loop turn refresh, as they would in an application.
 */
const VARIANTS: { id: string; label: string; make: () => BenchPool }[] = [
  { id: 'poolscope-off', label: 'Poolscope engine, instrumented off', make: () => poolscopePool(false) },
  { id: 'poolscope-on', label: 'Poolscope engine, instrumented on', make: () => poolscopePool(true) },
  { id: 'tarn', label: 'tarn 3.1', make: tarnPool },
  { id: 'generic-pool', label: 'generic-pool 3.9', make: genericPool },
  { id: 'minimal', label: 'minimal promise pool (reference floor)', make: minimalPool },
];

const YIELD_EVERY = 64;
const CONCURRENT_ACQUIRERS = 1000;

/** One caller in a loop: acquire, release. Bounded by count and time. */
async function uncontended(pool: BenchPool, durationMs: number, maxOps: number): Promise<number> {
  const startMs = performance.now();
  const deadlineMs = startMs + durationMs;
  let ops = 0;
  while (ops < maxOps && performance.now() < deadlineMs) {
    for (let i = 0; i < YIELD_EVERY; i++) {
      const resource = await pool.acquire();
      pool.release(resource);
    }
    ops += YIELD_EVERY;
    await yieldToLoop();
  }
  return ops / ((performance.now() - startMs) / 1000);
}

/** 1,000 callers at once on 10 resources: 990 always waiting. Bounded by count and time. */
async function contended(pool: BenchPool, durationMs: number, maxOps: number): Promise<number> {
  const startMs = performance.now();
  const deadlineMs = startMs + durationMs;
  let ops = 0;
  let stop = false;
  const worker = async () => {
    let mine = 0;
    while (!stop) {
      const resource = await pool.acquire();
      pool.release(resource);
      if (++ops >= maxOps || ((ops & 1023) === 0 && performance.now() >= deadlineMs)) stop = true;
      if (++mine % YIELD_EVERY === 0) await yieldToLoop();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENT_ACQUIRERS }, worker));
  return ops / ((performance.now() - startMs) / 1000);
}

async function measure(make: () => BenchPool, run: typeof uncontended, durationMs: number, maxOps: number): Promise<number> {
  const pool = make();
  try {
    // Create the 10 resources and warm the code paths before the clock starts.
    await run(pool, Math.min(100, durationMs / 4), maxOps);
    return await run(pool, durationMs, maxOps);
  } finally {
    await pool.close();
  }
}

async function main(): Promise<void> {
  const mode = benchMode();
  const rec = new Recorder('pool-overhead');
  const durationMs = mode.ms(800, 100);
  const maxOps = 20_000_000;
  for (let round = 0; round < mode.rounds; round++) {
    // Rotate the order each round so no pool always runs first (or right after a GC-heavy one).
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]!);
    for (const [caseId, caseLabel, run] of [
      ['uncontended', 'uncontended loop', uncontended],
      ['contended', `${CONCURRENT_ACQUIRERS} acquirers on 10`, contended],
    ] as const) {
      for (const v of order) {
        const opsPerSec = await measure(v.make, run, durationMs, maxOps);
        rec.record(`${caseId}/${v.id}`, `pool overhead, ${caseLabel}`, v.label, 'acquire+release/s', opsPerSec);
      }
    }
    log(`pool-overhead round ${round + 1}/${mode.rounds} done`);
  }
  for (const caseId of ['uncontended', 'contended']) {
    const label = caseId === 'uncontended' ? 'uncontended' : '1,000 acquirers on 10';
    rec.ratio(`pool overhead ${label}: Poolscope (off) / tarn`, `${caseId}/poolscope-off`, `${caseId}/tarn`, { atLeast: 3 });
    rec.ratio(`pool overhead ${label}: Poolscope (off) / generic-pool`, `${caseId}/poolscope-off`, `${caseId}/generic-pool`, {
      atLeast: 3,
    });
    rec.ratio(`pool overhead ${label}: Poolscope (on) / tarn`, `${caseId}/poolscope-on`, `${caseId}/tarn`, { atLeast: 3 });
    rec.ratio(`pool overhead ${label}: Poolscope (on) / generic-pool`, `${caseId}/poolscope-on`, `${caseId}/generic-pool`, { atLeast: 3 });
    rec.ratio(`pool overhead ${label}: Poolscope (off) / minimal floor`, `${caseId}/poolscope-off`, `${caseId}/minimal`);
  }
  rec.emit(mode.rounds);
}

await main();
