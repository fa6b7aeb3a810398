import { COMPARE_WINDOW_S, type SummaryRow } from '@poolscope/shared/compare';
import { readMetrics, summarize, type ArmReading } from './compare-summary';

interface PairedSecond {
  tMs: number;
  a: Float64Array;
  b: Float64Array;
}

/**
 * Both arms' summary metrics, one sample a second taken from the same tick, for as long as the
 * longest window. The samples are the snapshot's own one-second rates and latency windows, so
 * consecutive samples cover disjoint seconds (what the rank test assumes).
 */
export class CompareSamples {
  private readonly seconds: PairedSecond[] = [];
  private lastSecond = Number.NEGATIVE_INFINITY;

  /** True when this tick opened a new second and was recorded. */
  record(tMs: number, a: ArmReading, b: ArmReading): boolean {
    const second = Math.floor(tMs / 1000);
    if (second === this.lastSecond) return false;
    this.lastSecond = second;
    this.seconds.push({ tMs, a: readMetrics(a), b: readMetrics(b) });
    if (this.seconds.length > COMPARE_WINDOW_S.max) this.seconds.shift();
    return true;
  }

  /** The table over the last windowS seconds before nowMs, and how many samples each arm had. */
  summary(windowS: number, nowMs: number): { summary: SummaryRow[]; samples: { a: number; b: number } } {
    const fromMs = nowMs - windowS * 1000;
    const inWindow = this.seconds.filter((s) => s.tMs > fromMs);
    return {
      summary: summarize(
        inWindow.map((s) => s.a),
        inWindow.map((s) => s.b),
      ),
      samples: { a: inWindow.length, b: inWindow.length },
    };
  }
}
