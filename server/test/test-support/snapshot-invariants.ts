import type { Snapshot } from '@poolscope/shared/snapshot';

export interface InvariantOptions {
  /**
   * How long maxOpen must have been unchanged before `open <= maxOpen` is enforced: longer than
   * the longest loan (request timeout + hold + a check on borrow), since a shrink closes busy
   * connections only when they come back.
   */
  settleMs: number;
}

/**
 * Checks every snapshot of a run against the lab's counting rules and keeps the first
 * violations. `open` counts connecting + idle + validating + active; `closing` sockets are
 * being torn down, listed apart and not held against maxOpen (the pool's own accounting).
 */
export class SnapshotInvariants {
  readonly violations: string[] = [];
  snapshots = 0;
  settledChecks = 0;
  private lastSeq = -Infinity;
  private maxOpen: number | null = null;
  private maxOpenSinceMs = 0;

  constructor(private readonly options: InvariantOptions) {}

  observe(s: Snapshot): void {
    this.snapshots++;
    const { pool, totals } = s;
    const fail = (message: string) => {
      if (this.violations.length < 50) this.violations.push(`seq ${s.seq}: ${message}`);
    };
    if (!(s.seq > this.lastSeq)) fail(`seq not strictly increasing (${this.lastSeq} then ${s.seq})`);
    this.lastSeq = s.seq;
    const sum = pool.idle + pool.active + pool.connecting + pool.validating;
    if (pool.open !== sum) fail(`open ${pool.open} != idle + active + connecting + validating = ${sum} (${JSON.stringify(pool)})`);
    for (const [name, value] of Object.entries(pool)) if (value < 0) fail(`gauge ${name} is negative: ${value}`);
    if (s.connectionCounts.total !== pool.open + pool.closing)
      fail(`connection list has ${s.connectionCounts.total}, gauges say open ${pool.open} + closing ${pool.closing}`);
    const perTarget = s.targets.reduce((n, t) => n + t.open, 0);
    if (perTarget !== pool.open) fail(`targets' open add up to ${perTarget}, pool open is ${pool.open}`);
    for (const t of s.targets) {
      if (t.open < 0) fail(`target ${t.id} open is negative: ${t.open}`);
      if (t.server && t.server.connectionsOpen < 0) fail(`target ${t.id} server connectionsOpen is negative`);
    }
    const outcomes = Object.values(totals.requests).reduce((n, v) => n + v, 0);
    if (totals.requestsStarted !== outcomes + totals.requestsInFlight) {
      fail(`requestsStarted ${totals.requestsStarted} != sum(outcomes) ${outcomes} + inFlight ${totals.requestsInFlight}`);
    }
    if (totals.requestsInFlight < 0) fail(`requestsInFlight is negative: ${totals.requestsInFlight}`);
    this.checkMaxOpen(s, fail);
  }

  private checkMaxOpen(s: Snapshot, fail: (message: string) => void): void {
    const maxOpen = s.config.pool.maxOpen;
    if (maxOpen !== this.maxOpen) {
      this.maxOpen = maxOpen;
      this.maxOpenSinceMs = s.t;
      return;
    }
    const settled = maxOpen > 0 && s.t - this.maxOpenSinceMs >= this.options.settleMs && s.pool.closing === 0;
    if (!settled) return;
    this.settledChecks++;
    if (s.pool.open > maxOpen) fail(`open ${s.pool.open} > maxOpen ${maxOpen}, stable for ${s.t - this.maxOpenSinceMs} ms`);
  }
}
