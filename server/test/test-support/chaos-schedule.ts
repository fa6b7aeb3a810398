import { DEFAULT_TARGET_KNOBS } from '@poolscope/shared/config-rules';
import type { LabConfigPatch } from '@poolscope/shared/protocol';
import type { TargetKnobsPatch } from '@poolscope/shared/target-config';
import type { Lab } from '../../src/lab/lab';

/** mulberry32: a tiny seeded PRNG, so a failing chaos run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** POOLSCOPE_CHAOS_SEED replays a run; otherwise a fresh seed (printed by the caller). */
export function chaosSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.POOLSCOPE_CHAOS_SEED;
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isInteger(seed) || seed < 0) throw new Error(`POOLSCOPE_CHAOS_SEED must be a non-negative integer, got ${given}`);
    return seed;
  }
  return Math.floor(Math.random() * 2 ** 31);
}

/** Bounds the schedule keeps to, so a checker can reason about how long a loan can last. */
export const CHAOS_LIMITS = {
  maxRequestTimeoutMs: 800,
  maxHoldMs: 30,
  maxHealthCheckTimeoutMs: 300,
  /** maxOpen changes only every this many config ticks, leaving windows in which it is stable. */
  maxOpenEveryTicks: 6,
} as const;

/** What the pool is left with when the faults stop: the recovery bound is 2 x max(heartbeat, backoff cap). */
export const CALM_CONFIG = {
  pool: {
    maxOpen: 8,
    maxIdle: 8,
    minIdle: 2,
    heartbeatIntervalMs: 1000,
    dialBackoffBaseMs: 50,
    dialBackoffMaxMs: 2000,
    acquireTimeoutMs: 1000,
    dialTimeoutMs: 500,
    healthCheckMethod: 'ping',
    healthCheckTimeoutMs: 300,
    validateAfterIdleMs: 200,
    idleTimeoutMs: 30_000,
    maxLifetimeMs: 300_000,
    watchIdle: true,
  },
  load: {
    running: true,
    mode: 'closed',
    concurrency: 6,
    holdMs: 5,
    holdJitterMs: 5,
    thinkMs: 10,
    requestTimeoutMs: 800,
    framing: 'length-prefixed',
    leakRate: 0,
    payloadBytes: 64,
  },
} as const satisfies LabConfigPatch;

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** One config change, valid by construction. Never touches leakRate: a leaked loan would pin open above maxOpen forever. */
export function randomConfigPatch(random: () => number, tick: number): LabConfigPatch {
  if (tick % CHAOS_LIMITS.maxOpenEveryTicks === 0) {
    const maxOpen = between(random, 2, 12);
    const maxIdle = between(random, 1, maxOpen);
    return { pool: { maxOpen, maxIdle, minIdle: between(random, 0, Math.min(2, maxIdle)) } };
  }
  const options: (() => LabConfigPatch)[] = [
    () => ({ pool: { idleOrder: pick(random, ['lifo', 'fifo'] as const), watchIdle: random() < 0.7 } }),
    () => ({
      pool: {
        healthCheckMethod: pick(random, ['ping', 'probe', 'naive-probe', 'none'] as const),
        validateAfterIdleMs: between(random, 0, 500),
      },
    }),
    () => ({
      pool: { idleTimeoutMs: pick(random, [0, between(random, 200, 3000)]), maxLifetimeMs: pick(random, [0, between(random, 500, 5000)]) },
    }),
    () => ({
      pool: {
        heartbeatIntervalMs: between(random, 200, 1000),
        healthCheckTimeoutMs: between(random, 50, CHAOS_LIMITS.maxHealthCheckTimeoutMs),
      },
    }),
    () => ({
      pool: {
        dialBackoffBaseMs: between(random, 10, 100),
        dialBackoffMaxMs: between(random, 200, 2000),
        dialTimeoutMs: between(random, 100, 500),
      },
    }),
    () => ({ pool: { acquireTimeoutMs: between(random, 200, 1000), keepAlive: random() < 0.5, noDelay: random() < 0.8 } }),
    () => ({ load: { concurrency: between(random, 2, 16), thinkMs: between(random, 0, 20) } }),
    () => ({ load: { holdMs: between(random, 0, 20), holdJitterMs: between(random, 0, 10), payloadBytes: between(random, 1, 4096) } }),
    () => ({ load: { requestTimeoutMs: between(random, 200, CHAOS_LIMITS.maxRequestTimeoutMs) } }),
    () => (random() < 0.7 ? { load: { mode: 'closed' } } : { load: { mode: 'open', ratePerSec: between(random, 20, 300) } }),
    () => ({ load: { framing: random() < 0.85 ? 'length-prefixed' : 'none' } }),
  ];
  return pick(random, options)();
}

type Fault = { label: string; patch: TargetKnobsPatch; revert: TargetKnobsPatch } | { label: 'restart' };

function randomFault(random: () => number): Fault {
  const faults: (() => Fault)[] = [
    () => ({ label: 'down', patch: { down: true }, revert: { down: false } }),
    () => ({ label: 'stall', patch: { stall: true }, revert: { stall: false } }),
    () => ({ label: 'reset', patch: { reset: true }, revert: { reset: false } }),
    () => ({ label: 'restart' }),
    () => ({ label: 'garble', patch: { garbleRate: between(random, 5, 50) / 100 }, revert: { garbleRate: 0 } }),
    () => ({ label: 'drop', patch: { dropRate: between(random, 5, 30) / 100 }, revert: { dropRate: 0 } }),
    () => ({ label: 'idle-close', patch: { idleCloseMs: between(random, 100, 1000) }, revert: { idleCloseMs: 0 } }),
    () => ({ label: 'slow', patch: { latencyMs: between(random, 5, 60) }, revert: { latencyMs: DEFAULT_TARGET_KNOBS.latencyMs } }),
  ];
  return pick(random, faults)();
}

export interface ChaosOptions {
  configEveryMs?: number;
  /** Faults start at random intervals between these bounds. */
  faultEveryMs?: [number, number];
  /** Each reversible fault lasts between these bounds. */
  faultForMs?: [number, number];
}

/**
 * Drives a lab through a seeded schedule of config changes (every second by default) and
 * target faults (down, stall, reset, restart, garble, drop, short idle close, slowness),
 * each reverted after a while. Everything goes through the Lab's public operations.
 */
export class ChaosMonkey {
  readonly log: string[] = [];
  readonly errors: string[] = [];
  private readonly random: () => number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<Promise<unknown>>();
  private configTimer: NodeJS.Timeout | null = null;
  private tick = 0;
  private running = false;
  private readonly startedAt = Date.now();

  constructor(
    private readonly lab: Lab,
    readonly seed: number,
    private readonly options: ChaosOptions = {},
  ) {
    this.random = seededRandom(seed);
  }

  start(): void {
    this.running = true;
    this.configTimer = setInterval(() => this.changeConfig(), this.options.configEveryMs ?? 1000);
    this.scheduleFault();
  }

  /** Stop scheduling, cancel pending reverts, wait for restarts under way, then clear every fault. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.configTimer) clearInterval(this.configTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.pending]);
    for (const target of this.lab.targets.list()) {
      if (target.embedded) this.guard(`heal ${target.id}`, () => this.lab.patchTarget(target.id, { ...DEFAULT_TARGET_KNOBS }));
    }
    await Promise.all(this.lab.targets.list().map((t) => t.embedded?.settled()));
  }

  private changeConfig(): void {
    const patch = randomConfigPatch(this.random, this.tick++);
    this.note(`config ${JSON.stringify(patch)}`);
    this.guard('config', () => this.lab.patchConfig(patch));
  }

  private scheduleFault(): void {
    const [min, max] = this.options.faultEveryMs ?? [300, 900];
    this.later(between(this.random, min, max), () => {
      this.injectFault();
      this.scheduleFault();
    });
  }

  private injectFault(): void {
    const embedded = this.lab.targets.list().filter((t) => t.embedded !== null);
    if (embedded.length === 0) return;
    // Now and then every target at once, so the pool has nowhere to go and backs off.
    const chosen = this.random() < 0.2 ? embedded : [pick(this.random, embedded)];
    const fault = randomFault(this.random);
    for (const target of chosen) this.inject(target.id, fault);
  }

  private inject(id: string, fault: Fault): void {
    this.note(`${id} ${fault.label}`);
    if (!('patch' in fault)) {
      const restart = this.lab.restartTarget(id).catch((error: unknown) => this.errors.push(`restart ${id}: ${String(error)}`));
      this.pending.add(restart);
      void restart.finally(() => this.pending.delete(restart));
      return;
    }
    this.guard(`${id} ${fault.label}`, () => this.lab.patchTarget(id, fault.patch));
    const [min, max] = this.options.faultForMs ?? [200, 1500];
    this.later(between(this.random, min, max), () => this.guard(`${id} un-${fault.label}`, () => this.lab.patchTarget(id, fault.revert)));
  }

  private later(delayMs: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) run();
    }, delayMs);
    this.timers.add(timer);
  }

  private guard(what: string, run: () => unknown): void {
    try {
      run();
    } catch (error) {
      this.errors.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private note(line: string): void {
    this.log.push(`${((Date.now() - this.startedAt) / 1000).toFixed(1)}s ${line}`);
    if (this.log.length > 2000) this.log.shift();
  }
}
