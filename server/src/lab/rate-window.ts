/** A tree of counters: numbers at the leaves, nested records above them. */
export type CounterTree = { [key: string]: number | CounterTree };

interface Sample<T> {
  tMs: number;
  counters: T;
}

/**
 * Per-second rates over a trailing window (1 s by default) rather than between two
 * 100 ms ticks, so a rate shown at 10 Hz does not flicker with every tick's luck.
 */
export class RateWindow<T extends object> {
  private readonly samples: Sample<T>[] = [];

  constructor(private readonly windowMs = 1000) {}

  push(tMs: number, counters: T): T {
    this.samples.push({ tMs, counters: structuredClone(counters) });
    while (this.samples.length > 2 && (this.samples[1] as Sample<T>).tMs <= tMs - this.windowMs) this.samples.shift();
    const oldest = this.samples[0] as Sample<T>;
    const seconds = (tMs - oldest.tMs) / 1000;
    return perSecond(oldest.counters as CounterTree, counters as CounterTree, seconds) as T;
  }
}

export function perSecond(before: CounterTree, after: CounterTree, seconds: number): CounterTree {
  const rates: CounterTree = {};
  for (const [key, value] of Object.entries(after)) {
    const previous = before[key];
    if (typeof value === 'number') {
      const delta = value - (typeof previous === 'number' ? previous : 0);
      rates[key] = seconds > 0 ? round2(Math.max(0, delta) / seconds) : 0;
    } else {
      rates[key] = perSecond(typeof previous === 'object' ? previous : {}, value, seconds);
    }
  }
  return rates;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
