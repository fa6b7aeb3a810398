import { memo, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatNumber } from '../lib/format';
import { clusterMarkers } from './marker-clusters';
import { useElementWidth } from './use-element-width';
import { useTimeSeries, type ArmSource } from './use-time-series';
import { bKey } from '../lib/arm-points';
import { ChartAxes } from './svg-chart/chart-axes';
import { ChartMarkers } from './svg-chart/chart-markers';
import { ChartSeries, seriesMax } from './svg-chart/chart-series';
import { ChartTooltip } from './svg-chart/chart-tooltip';
import { plotBox } from './svg-chart/layout';
import { linearScale, timeTicks, valueTicks } from './svg-chart/scale';
import { useInspectedPoint } from './svg-chart/use-inspected-point';
import { ChartLegend } from './chart-legend';
import type { SeriesDef } from './svg-chart/series-def';

// Panels declare their series beside the chart they draw.
export type { SeriesDef };

const CLOCK_HALF_WIDTH_PX = 26;

/** Arm B's copy of each series: the same colour and getter under a prefixed key. */
export function armBSeries(series: readonly SeriesDef[], t: TFunction): SeriesDef[] {
  return series.map((s) => ({
    ...s,
    key: bKey(s.key),
    name: t('compare.seriesB', { name: s.name }),
    arm: 'b',
    stackId: s.stackId === undefined ? undefined : bKey(s.stackId),
  }));
}

interface TimeChartProps {
  chartId: string;
  title: string;
  series: readonly SeriesDef[];
  height?: number;
  yFormat?: (value: number) => string;
  yUnit?: string;
  legendNote?: string;
  /** Which arm's samples to draw; by default A with B overlaid (dashed) while comparing. */
  arms?: ArmSource;
}

/**
 * One time-series chart over the selected window, drawn as plain SVG paths. Recharts spent
 * 40-55 ms of CPU on each refresh of a five-to-seven-series chart with a full 15-minute window
 * (e2e/scripts/profile-full-window.mjs); these paths cost a few. Redrawn only on its turn and
 * only when the downsampled series changed; a marker line wherever something changed.
 */
export const TimeChart = memo(function TimeChart({
  chartId,
  title,
  series,
  height = 220,
  yFormat = formatNumber,
  yUnit,
  legendNote,
  arms,
}: TimeChartProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const clipId = useId();
  const width = useElementWidth(ref);
  const { points, from, to, markers } = useTimeSeries(chartId, series, ref, arms);
  const bSeries = useMemo(() => armBSeries(series, t), [series, t]);
  // A series that is zero across the window is left out of the drawing; its legend entry stays, dimmed.
  const drawnA = useMemo(() => series.filter((s) => s.dashed || points.some((p) => (p[s.key] ?? 0) !== 0)), [series, points]);
  const drawnB = useMemo(
    () => bSeries.filter((s) => points.some((p) => (s.dashed ? p[s.key] !== undefined : (p[s.key] ?? 0) !== 0))),
    [bSeries, points],
  );
  const hasB = useMemo(() => bSeries.some((s) => points.some((p) => p[s.key] !== undefined)), [bSeries, points]);
  const drawn = useMemo(() => (hasB ? [...drawnA, ...drawnB] : drawnA), [hasB, drawnA, drawnB]);
  const box = plotBox(width, height);
  const x = useMemo(() => linearScale(from, to, box.left, box.right), [from, to, box.left, box.right]);
  const yTicks = useMemo(() => valueTicks(seriesMax(points, drawn)), [points, drawn]);
  const y = useMemo(() => linearScale(0, yTicks.at(-1) ?? 1, box.bottom, box.top), [yTicks, box.bottom, box.top]);
  // A clock label is ~50 px wide and centred on its tick: one too near the right edge would be cut.
  const xTicks = useMemo(
    () => timeTicks(from, to, box.right - box.left).filter((t) => x(t) + CLOCK_HALF_WIDTH_PX <= width),
    [from, to, box.left, box.right, x, width],
  );
  const clusters = useMemo(() => clusterMarkers(markers, (to - from) / 100), [markers, from, to]);
  const timeAt = useMemo(() => linearScale(box.left, box.right, from, to), [box.left, box.right, from, to]);
  const { point, handlers } = useInspectedPoint(points, timeAt);
  return (
    <figure ref={ref} className="chart" aria-label={t('chart.figure', { title })}>
      <ChartLegend series={series} drawn={drawnA} note={legendNote} armKey={hasB} />
      <div className="chart-body">
        <svg
          width={width}
          height={height}
          className="chart-svg"
          tabIndex={0}
          role="img"
          aria-label={t('chart.keys', { title })}
          {...handlers}
        >
          <defs>
            <clipPath id={clipId}>
              <rect x={box.left} y={box.top - 16} width={box.right - box.left} height={box.bottom - box.top + 16} />
            </clipPath>
          </defs>
          <ChartAxes box={box} valueTicks={yTicks} timeTicks={xTicks} x={x} y={y} yFormat={yFormat} yUnit={yUnit} />
          <g clipPath={`url(#${clipId})`}>
            <ChartSeries points={points} series={drawn} x={x} y={y} />
            <ChartMarkers clusters={clusters} box={box} x={x} />
            {point ? <line className="chart-cursor" x1={x(point.t)} x2={x(point.t)} y1={box.top} y2={box.bottom} /> : null}
          </g>
        </svg>
        {point ? (
          <ChartTooltip point={point} series={drawn} leftPx={x(point.t)} topPx={box.top} flip={x(point.t) > width / 2} yFormat={yFormat} />
        ) : null}
      </div>
    </figure>
  );
});
