import type { HistorySample } from '@poolscope/shared/history';
import type { RecordedFrame, Recording } from '@poolscope/shared/recording';
import type { Marker, Snapshot } from '@poolscope/shared/snapshot';

/** The index of the last item at or before `t` (items oldest first); -1 when all are later. */
export function lastAtOrBefore(items: readonly { t: number }[], t: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((items[middle] as { t: number }).t <= t) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * A snapshot as the stream would have sent it at the sample's time: the sample's numbers over the
 * lists, config and lesson step of the latest frame before it, with the markers seen so far.
 */
export function replaySnapshot(recording: Recording, sample: HistorySample, markers: Marker[]): Snapshot {
  const frame = recording.frames[Math.max(0, lastAtOrBefore(recording.frames, sample.t))] as RecordedFrame;
  return {
    ...frame,
    seq: sample.seq,
    t: sample.t,
    pool: sample.pool,
    totals: sample.totals,
    rates: sample.rates,
    latency: sample.latency,
    waitHistogram: sample.waitHistogram,
    markers,
    compare: replayCompare(frame.compare, sample),
  };
}

/**
 * Arm B at the sample's instant: its numbers from the sample (recorded at 10 Hz), its lists, config
 * and summary from the latest frame (once a second). No B in the sample means no comparison ran then;
 * a comparison younger than its first frame has nothing to carry B's config yet, so it shows from that frame on.
 */
function replayCompare(carried: RecordedFrame['compare'], sample: HistorySample): Snapshot['compare'] {
  const b = sample.b;
  if (!b || !carried) return null;
  const { pool, totals, rates, latency, waitHistogram } = b;
  return { ...carried, b: { ...carried.b, pool, totals, rates, latency, waitHistogram } };
}
