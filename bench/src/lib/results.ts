/**
 * What a suite reports: measurements with one sample per round, and ratios between two of
 * them, computed per round (both sides measured in the same round, side by side) and then
 * summarized as a median with min and max.
 */
export interface Measurement {
  id: string;
  section: string;
  label: string;
  unit: string;
  samples: number[];
}

export interface Ratio {
  label: string;
  numerator: string;
  denominator: string;
  /** e.g. { atLeast: 3 } or { atMost: 1.05 } */
  target?: { atLeast?: number; atMost?: number };
}

/** An absolute target on a measurement's median, where the issue sets one (ms, KB, per s): a ceiling or a floor. */
export interface Limit {
  label: string;
  measurement: string;
  atMost?: number;
  atLeast?: number;
}

export interface SuiteResult {
  suite: string;
  rounds: number;
  measurements: Measurement[];
  ratios: Ratio[];
  limits: Limit[];
  notes: string[];
}

export const RESULT_PREFIX = '@@bench-result ';

/** Collects samples per measurement id across rounds. */
export class Recorder {
  private readonly byId = new Map<string, Measurement>();
  readonly ratios: Ratio[] = [];
  readonly limits: Limit[] = [];
  readonly notes: string[] = [];

  constructor(readonly suite: string) {}

  record(id: string, section: string, label: string, unit: string, value: number): void {
    let m = this.byId.get(id);
    if (m === undefined) {
      m = { id, section, label, unit, samples: [] };
      this.byId.set(id, m);
    }
    m.samples.push(value);
  }

  ratio(label: string, numerator: string, denominator: string, target?: Ratio['target']): void {
    this.ratios.push(target === undefined ? { label, numerator, denominator } : { label, numerator, denominator, target });
  }

  limit(label: string, measurement: string, atMost: number): void {
    this.limits.push({ label, measurement, atMost });
  }

  floor(label: string, measurement: string, atLeast: number): void {
    this.limits.push({ label, measurement, atLeast });
  }

  result(rounds: number): SuiteResult {
    return {
      suite: this.suite,
      rounds,
      measurements: [...this.byId.values()],
      ratios: this.ratios,
      limits: this.limits,
      notes: this.notes,
    };
  }

  /** A suite runs as its own process; the runner reads this line from its stdout. */
  emit(rounds: number): void {
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(this.result(rounds))}\n`);
  }
}
