import type { ArmHistorySample, HistorySample } from '@poolscope/shared/history';
import type { Sample } from './live-store';

/**
 * A recorded sample as the store keeps one, reading through to the recording's sample: a sample
 * read from a format 2 file builds its groups (pool, latency...) only when first read, and a seek
 * puts up to 15 minutes (9,000 samples an arm) in the store while the charts draw only their window.
 */
class ReplaySample implements Sample {
  // Each part kept once read: a chart's fold reads them for every sample of its window, and a read
  // through the recording's lazy sample costs a lookup in its built parts each time.
  #pool: Sample['pool'] | undefined;
  #totals: Sample['totals'] | undefined;
  #rates: Sample['rates'] | undefined;
  #latency: Sample['latency'] | undefined;
  #waitCounts: number[] | null = null;
  #waitBounds: number[] | null = null;

  constructor(
    readonly seq: number,
    readonly t: number,
    private readonly arm: ArmHistorySample,
  ) {}

  get pool(): Sample['pool'] {
    return (this.#pool ??= this.arm.pool);
  }
  get totals(): Sample['totals'] {
    return (this.#totals ??= this.arm.totals);
  }
  get rates(): Sample['rates'] {
    return (this.#rates ??= this.arm.rates);
  }
  get latency(): Sample['latency'] {
    return (this.#latency ??= this.arm.latency);
  }
  get acquireTimeoutMs(): number {
    return this.arm.acquireTimeoutMs;
  }
  get waitCounts(): number[] {
    return (this.#waitCounts ??= this.arm.waitHistogram.map((b) => b.count));
  }
  get waitBounds(): number[] {
    return (this.#waitBounds ??= this.arm.waitHistogram.map((b) => b.upToMs));
  }
}

/** Arm A's samples as the store keeps them. */
export function replaySamplesA(samples: readonly HistorySample[]): Sample[] {
  return samples.map((h) => new ReplaySample(h.seq, h.t, h));
}

/** Arm B's samples as the store keeps them, null where no comparison ran. */
export function replaySamplesB(samples: readonly HistorySample[]): (Sample | null)[] {
  return samples.map((h) => (h.b ? new ReplaySample(h.seq, h.t, h.b) : null));
}

/**
 * Reads every part of a sample the dashboard draws, so a recording's lazily built groups are built
 * now (in idle time after an open) rather than inside a later seek's frame.
 */
export function buildSampleParts(sample: Sample): void {
  void sample.pool;
  void sample.totals;
  void sample.rates;
  void sample.latency;
  void sample.waitCounts;
  void sample.waitBounds;
}
