import { memo, useDeferredValue, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBucket } from '@poolscope/shared/snapshot';
import type { Sample } from '../../lib/live-store';
import type { ReadonlyRingBuffer } from '../../lib/ring-buffer';
import { useCompareStore, useLiveStore } from '../../lib/store-context';
import { useChartFrame } from '../../lib/use-live';
import { formatNumber, shortMs } from '../../lib/format';
import { OKABE_ITO } from '../../lib/palette';

const HISTORY_MS = 10_000;
const REDRAW_EVERY_MS = 1000;

/**
 * A snapshot's wait histogram covers the trailing second (docs/API.md), not its own tick: at 10 Hz
 * ten samples in a row overlap. Summing every sample counted each wait ten times; samples a second
 * apart tile the window instead. Half a tick of slack keeps tick jitter from skipping a second.
 */
const SNAPSHOT_WINDOW_MS = 1000;
const TILE_SLACK_MS = 50;

/** Sum the wait histograms of the last 10 s, one snapshot window per second, so the bars hold still enough to read. */
export function recentHistogram(samples: ReadonlyRingBuffer<Sample>, now: number): HistogramBucket[] {
  const totals = new Map<number, number>();
  const byTime = (s: { t: number }) => s.t;
  // From the newest sample at or before `now`, back one window at a time.
  for (let i = samples.lowerBound(byTime, now + 1) - 1; i >= 0;) {
    const sample = samples.at(i);
    if (!sample || sample.t <= now - HISTORY_MS) break;
    i = samples.lowerBound(byTime, sample.t - SNAPSHOT_WINDOW_MS + TILE_SLACK_MS) - 1;
    sample.waitCounts.forEach((count, j) => {
      const upToMs = sample.waitBounds[j] ?? Number.POSITIVE_INFINITY;
      totals.set(upToMs, (totals.get(upToMs) ?? 0) + count);
    });
  }
  return [...totals.entries()].sort((a, b) => a[0] - b[0]).map(([upToMs, count]) => ({ upToMs, count }));
}

function bucketLabel(upToMs: number, more: string): string {
  return Number.isFinite(upToMs) ? `≤${shortMs(upToMs)}` : more;
}

export interface HistogramRow {
  label: string;
  /** Arm A's acquires in the bucket (the lab's, when nothing is compared). */
  count: number;
  /** Arm B's, while a comparison has samples in the last 10 s. */
  countB?: number;
}

/**
 * The bars: arm A's recent histogram and, when `b` is given, arm B's beside it bucket by bucket
 * (the two arms share the buckets' bounds; a bucket only one arm has counts 0 in the other).
 */
export function histogramRows(
  a: ReadonlyRingBuffer<Sample>,
  b: ReadonlyRingBuffer<Sample> | null,
  now: number,
  moreLabel: string,
): HistogramRow[] {
  const ofA = recentHistogram(a, now);
  const ofB = b ? recentHistogram(b, now) : null;
  const bounds = [...new Set([...ofA, ...(ofB ?? [])].map((bucket) => bucket.upToMs))].sort((x, y) => x - y);
  const countIn = (buckets: HistogramBucket[], upToMs: number) => buckets.find((bucket) => bucket.upToMs === upToMs)?.count ?? 0;
  return bounds.map((upToMs) => ({
    label: bucketLabel(upToMs, moreLabel),
    count: countIn(ofA, upToMs),
    ...(ofB ? { countB: countIn(ofB, upToMs) } : {}),
  }));
}

export const WaitHistogram = memo(function WaitHistogram() {
  const { t } = useTranslation();
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  const ref = useRef<HTMLElement>(null);
  const drawnAt = useRef(Number.NEGATIVE_INFINITY);
  // Ten seconds of counts change little in one: redrawing once a second halves the chart's
  // Recharts work (the largest per-tick cost left once the time charts became plain SVG).
  const frame = useChartFrame('wait-histogram', ref, (now) => now - drawnAt.current >= REDRAW_EVERY_MS);
  const data = useMemo(
    () => {
      const now = (drawnAt.current = liveStore.view?.t ?? 0);
      // Arm B beside A while a comparison has samples in the last 10 s (the time charts draw it dashed).
      const bLast = compareStore.samples.last();
      const withB = bLast !== undefined && bLast.t > now - HISTORY_MS;
      return histogramRows(liveStore.samples, withB ? compareStore.samples : null, now, t('wait.more'));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [frame, t],
  );
  // The bars are drawn in a transition React can interrupt and slice: a redraw is ~20 ms of Recharts
  // work, and done inside the snapshot's own task it joined the rest of that task in a long one.
  const bars = useDeferredValue(data);
  const total = data.reduce((sum, b) => sum + b.count, 0);
  const withB = data.some((b) => b.countB !== undefined);
  const totalB = data.reduce((sum, b) => sum + (b.countB ?? 0), 0);
  const acquires = (count: number) => t('wait.acquires', { count, formatted: formatNumber(count) });
  return (
    <figure ref={ref} className="chart" aria-label={t('wait.histogram')}>
      <figcaption className="legend">
        <span className="legend-item">{t('wait.histogramLegend')}</span>
        <span className="legend-note" data-testid="wait-histogram-total">
          {withB ? `A ${acquires(total)} | B ${acquires(totalB)}` : acquires(total)}
        </span>
      </figcaption>
      <Bars data={bars} seriesName={t('wait.acquiresSeries')} withB={withB} />
    </figure>
  );
});

// Props that never change are made once: Recharts 3 copies its children's settings into its own
// store when their props change by identity, and a fresh object each redraw made every redraw do that
// for the axes, the grid and the tooltip too.
const CHART_STYLE = { width: '100%', height: 200 };
const CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: 0 };
const X_TICK = { fontSize: 10 };
const Y_TICK = { fontSize: 11 };
const TOOLTIP_CURSOR = { fillOpacity: 0.1 };

const Bars = memo(function Bars({ data, seriesName, withB }: { data: HistogramRow[]; seriesName: string; withB: boolean }) {
  return (
    <BarChart data={data} responsive style={CHART_STYLE} margin={CHART_MARGIN}>
      <CartesianGrid strokeDasharray="2 4" vertical={false} />
      <XAxis dataKey="label" tick={X_TICK} interval="preserveStartEnd" />
      <YAxis width={44} tick={Y_TICK} allowDecimals={false} />
      <Tooltip isAnimationActive={false} cursor={TOOLTIP_CURSOR} />
      <Bar dataKey="count" name={withB ? `${seriesName} (A)` : seriesName} fill={OKABE_ITO.sky} isAnimationActive={false} />
      {/* B as the time charts draw it: the same colour, dashed (here an outlined, lighter bar). */}
      {withB ? (
        <Bar
          dataKey="countB"
          name={`${seriesName} (B)`}
          fill={OKABE_ITO.sky}
          fillOpacity={0.3}
          stroke={OKABE_ITO.sky}
          strokeDasharray="3 2"
          isAnimationActive={false}
        />
      ) : null}
    </BarChart>
  );
});
