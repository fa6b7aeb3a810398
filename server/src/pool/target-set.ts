import type { PoolConfig } from '@poolscope/shared/pool-config';
import { fullJitterBackoffMs } from './backoff';
import type { PoolTarget, PoolTargetStats } from './types';

/** One target and what the pool knows about it. */
export class TargetEntry {
  consecutiveFailures = 0;
  backoffUntil = 0;
  /** Its connections not closing; written only by ConnectionStates, with the pool's counts. */
  open = 0;
  dialFailures = 0;
  healthChecksFailed = 0;
  requests = 0;
  lastError: string | null = null;
  removed = false;

  constructor(readonly target: PoolTarget) {}

  get address(): string {
    return `${this.target.host}:${this.target.port}`;
  }

  inBackoff(nowMs: number): boolean {
    return nowMs < this.backoffUntil;
  }

  dialSucceeded(): void {
    this.consecutiveFailures = 0;
  }

  /** A dial to it failed with `code`: counted, and it backs off (full jitter). Returns the delay chosen. */
  dialFailed(
    code: string,
    config: Pick<PoolConfig, 'dialBackoffBaseMs' | 'dialBackoffMaxMs'>,
    random: () => number,
    nowMs: number,
  ): number {
    this.dialFailures++;
    this.consecutiveFailures++;
    this.lastError = `${code} ${this.address}`;
    const backoffMs = fullJitterBackoffMs(this.consecutiveFailures, config.dialBackoffBaseMs, config.dialBackoffMaxMs, random);
    this.backoffUntil = Math.max(this.backoffUntil, nowMs + backoffMs);
    return backoffMs;
  }
}

/** The pool's targets, chosen round-robin, skipping those in dial backoff. */
export class TargetSet {
  private entries: TargetEntry[] = [];
  private cursor = 0;

  get size(): number {
    return this.entries.length;
  }

  add(target: PoolTarget): TargetEntry {
    if (this.get(target.id) !== undefined) throw new Error(`target ${target.id} is already in the pool`);
    const entry = new TargetEntry({ ...target });
    this.entries.push(entry);
    return entry;
  }

  remove(targetId: string): TargetEntry | undefined {
    const entry = this.get(targetId);
    if (entry === undefined) return undefined;
    entry.removed = true;
    this.entries = this.entries.filter((e) => e !== entry);
    return entry;
  }

  list(): readonly TargetEntry[] {
    return this.entries;
  }

  get(targetId: string): TargetEntry | undefined {
    return this.entries.find((e) => e.target.id === targetId);
  }

  /** The next target not in backoff, or undefined when every one is backing off. */
  pick(nowMs: number): TargetEntry | undefined {
    for (let tried = 0; tried < this.entries.length; tried++) {
      const entry = this.entries[this.cursor++ % this.entries.length]!;
      if (!entry.inBackoff(nowMs)) return entry;
    }
    return undefined;
  }

  /** When the first backing-off target may be dialled again (Infinity when none is). */
  earliestBackoffEndMs(): number {
    return this.entries.reduce((earliest, e) => Math.min(earliest, e.backoffUntil), Infinity);
  }

  stats(nowMs: number): PoolTargetStats[] {
    return this.entries.map((e) => ({
      targetId: e.target.id,
      state: e.inBackoff(nowMs) ? 'backoff' : 'up',
      open: e.open,
      dialFailures: e.dialFailures,
      healthChecksFailed: e.healthChecksFailed,
      requests: e.requests,
      lastError: e.lastError,
    }));
  }
}
