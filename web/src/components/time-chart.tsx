import { memo, useMemo, useRef } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MarkerKind } from '@poolscope/shared/snapshot';
import { clusterMarkers, type MarkerCluster } from './marker-clusters';
import type { SeriesSpec } from '../lib/downsample';
import type { Sample } from '../lib/live-store';
import { OKABE_ITO } from '../lib/palette';
import { formatClock, formatNumber } from '../lib/format';
import { useTimeSeries } from './use-time-series';

export interface SeriesDef extends SeriesSpec<Sample> {
  name: string;
  color: string;
  kind: 'area' | 'line';
  stackId?: string;
  dashed?: boolean;
  step?: boolean;
}

interface TimeChartProps {
  chartId: string;
  title: string;
  series: readonly SeriesDef[];
  height?: number;
  yFormat?: (value: number) => string;
  yUnit?: string;
  legendNote?: string;
}

const MARKER_COLORS: Record<MarkerKind, string> = { config: OKABE_ITO.blue, scenario: OKABE_ITO.purple, fault: OKABE_ITO.vermillion };
const LABELLED_MARKERS = 3;

interface MarkerLabelProps { viewBox?: { x?: number; y?: number }; text: string; color: string; row: number; anchorEnd: boolean }

/** A marker's label at the top of its line, staggered over three rows so neighbours do not collide. */
function MarkerLabel({ viewBox, text, color, row, anchorEnd }: MarkerLabelProps) {
  const x = (viewBox?.x ?? 0) + (anchorEnd ? -4 : 4);
  const y = (viewBox?.y ?? 0) + 11 + row * 13;
  return <text x={x} y={y} fill={color} fontSize={11} textAnchor={anchorEnd ? 'end' : 'start'} className="marker-label">{text}</text>;
}

function markerLines(markers: MarkerCluster[], from: number, to: number) {
  return markers.map((m, i) => {
    const labelled = i >= markers.length - LABELLED_MARKERS;
    const text = m.label.length > 28 ? `${m.label.slice(0, 27)}…` : m.label;
    return (
      <ReferenceLine
        key={m.id}
        x={m.t}
        stroke={MARKER_COLORS[m.kind]}
        strokeDasharray="4 3"
        strokeWidth={1.5}
        ifOverflow="hidden"
        label={labelled ? <MarkerLabel text={text} color={MARKER_COLORS[m.kind]} row={(markers.length - 1 - i) % 3} anchorEnd={(m.t - from) / Math.max(1, to - from) > 0.75} /> : undefined}
      />
    );
  });
}

/**
 * One time-series chart over the selected window: at most ~150 points per series,
 * animation off, refreshed only on its turn, with a marker line wherever something changed.
 */
export const TimeChart = memo(function TimeChart({ chartId, title, series, height = 220, yFormat = formatNumber, yUnit, legendNote }: TimeChartProps) {
  const ref = useRef<HTMLElement>(null);
  const { points, from, to, markers } = useTimeSeries(chartId, series, ref);
  // A series that is zero across the window draws nothing useful but costs as much as any
  // other (Recharts' work is per series and point), so it is left out; its legend entry stays.
  const clusters = useMemo(() => clusterMarkers(markers, (to - from) / 100), [markers, from, to]);
  const drawn = useMemo(() => series.filter((s) => s.dashed || points.some((p) => (p[s.key] ?? 0) !== 0)), [series, points]);
  return (
    <figure ref={ref} className="chart" aria-label={`${title} chart`}>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.key} className={`legend-item${drawn.includes(s) ? '' : ' legend-idle'}`} title={drawn.includes(s) ? undefined : 'zero throughout this window'}>
            <span className={`swatch${s.dashed ? ' swatch-dashed' : ''}`} style={{ background: s.dashed ? undefined : s.color, borderColor: s.color }} aria-hidden="true" />
            {s.name}
          </span>
        ))}
        {legendNote ? <span className="legend-note">{legendNote}</span> : null}
      </figcaption>
      <ComposedChart data={points} responsive style={{ width: '100%', height }} margin={{ top: 16, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="2 4" vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} allowDataOverflow tickFormatter={formatClock} minTickGap={48} tick={{ fontSize: 11 }} />
        <YAxis width={52} tickFormatter={yFormat} tick={{ fontSize: 11 }} allowDecimals={false}
          label={yUnit ? { value: yUnit, angle: -90, position: 'insideLeft', fontSize: 11, offset: 12, className: 'axis-unit' } : undefined} />
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(t) => formatClock(Number(t))}
          formatter={(value, name) => [yFormat(Number(value)), name]}
          contentStyle={{ background: 'var(--surface-raised)', border: '1px solid var(--border)', borderRadius: 6, fontSize: 12 }}
        />
        {drawn.map((s) => s.kind === 'area' ? (
          <Area key={s.key} dataKey={s.key} name={s.name} stackId={s.stackId} type={s.step ? 'stepAfter' : 'monotone'}
            stroke={s.color} fill={s.color} fillOpacity={0.55} strokeWidth={1.5} isAnimationActive={false} dot={false} />
        ) : (
          <Line key={s.key} dataKey={s.key} name={s.name} type={s.step ? 'stepAfter' : 'monotone'} stroke={s.color}
            strokeWidth={s.dashed ? 1.5 : 2} strokeDasharray={s.dashed ? '6 4' : undefined} isAnimationActive={false} dot={false} connectNulls={false} />
        ))}
        {markerLines(clusters, from, to)}
      </ComposedChart>
    </figure>
  );
});
