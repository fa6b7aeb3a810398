import { memo } from 'react';
import type { ChartPoint } from '../../lib/downsample';
import type { SeriesDef } from './series-def';
import { bandPath, edgePath, linePath, stackTops } from './paths';

interface ChartSeriesProps {
  points: readonly ChartPoint[];
  series: readonly SeriesDef[];
  x: (t: number) => number;
  y: (value: number) => number;
}

/** The top of the tallest stack or line, for the value axis. */
export function seriesMax(points: readonly ChartPoint[], series: readonly SeriesDef[]): number {
  let max = 0;
  for (const layers of stacks(series).values())
    for (const v of stackTops(
      points,
      layers.map((s) => s.key),
    ).at(-1) ?? [])
      max = Math.max(max, v);
  for (const s of series)
    if (s.kind === 'line')
      for (const p of points) {
        const v = p[s.key];
        if (v !== undefined && v > max) max = v;
      }
  return max;
}

function stacks(series: readonly SeriesDef[]): Map<string, SeriesDef[]> {
  const byStack = new Map<string, SeriesDef[]>();
  for (const s of series) {
    if (s.kind !== 'area') continue;
    const stack = s.stackId ?? s.key;
    byStack.set(stack, [...(byStack.get(stack) ?? []), s]);
  }
  return byStack;
}

/** Arm B's lines are dashed; its reference lines (already dashed for A) dotted, so the two stay apart. */
const B_DASH = '6 4';
const B_REFERENCE_DASH = '1.5 3';

/** Stacked areas first (in series order, bottom up), then the lines over them; arm B's stacks as dashed top edges only. */
export const ChartSeries = memo(function ChartSeries({ points, series, x, y }: ChartSeriesProps) {
  // Under B's dashed edges A's fill steps back, so both arms read at a glance.
  const fillOpacity = series.some((s) => s.arm === 'b') ? 0.3 : 0.55;
  const areas = [...stacks(series).values()].flatMap((layers) => {
    const tops = stackTops(
      points,
      layers.map((s) => s.key),
    );
    return layers.map((s, i) => ({ s, tops: tops[i] as number[], bottoms: i === 0 ? null : (tops[i - 1] as number[]) }));
  });
  return (
    <g className="chart-series">
      {areas.map(({ s, tops, bottoms }) =>
        s.arm === 'b' ? (
          <path
            key={s.key}
            className="chart-line chart-line-b"
            data-arm="b"
            d={edgePath(points, tops, x, y)}
            fill="none"
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={B_DASH}
          />
        ) : (
          <g key={s.key}>
            <path d={bandPath(points, tops, bottoms, x, y)} fill={s.color} fillOpacity={fillOpacity} stroke="none" />
            <path className="chart-line" d={edgePath(points, tops, x, y)} fill="none" stroke={s.color} strokeWidth={1.5} />
          </g>
        ),
      )}
      {series
        .filter((s) => s.kind === 'line')
        .map((s) =>
          s.arm === 'b' ? (
            <path
              key={s.key}
              className="chart-line chart-line-b"
              data-arm="b"
              d={linePath(points, s.key, x, y, s.step)}
              fill="none"
              stroke={s.color}
              strokeWidth={s.dashed ? 1.5 : 2}
              strokeDasharray={s.dashed ? B_REFERENCE_DASH : B_DASH}
              strokeLinejoin="round"
            />
          ) : (
            <path
              key={s.key}
              className="chart-line"
              d={linePath(points, s.key, x, y, s.step)}
              fill="none"
              stroke={s.color}
              strokeWidth={s.dashed ? 1.5 : 2}
              strokeDasharray={s.dashed ? '6 4' : undefined}
              strokeLinejoin="round"
            />
          ),
        )}
    </g>
  );
});
