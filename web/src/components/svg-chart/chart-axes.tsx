import { memo } from 'react';
import { formatClock } from '../../lib/format';
import type { PlotBox } from './layout';

interface ChartAxesProps {
  box: PlotBox;
  valueTicks: readonly number[];
  timeTicks: readonly number[];
  x: (t: number) => number;
  y: (value: number) => number;
  yFormat: (value: number) => string;
  yUnit?: string | undefined;
}

/** Horizontal grid lines with value labels on the left, clock labels below, the unit up the side. */
export const ChartAxes = memo(function ChartAxes({ box, valueTicks, timeTicks, x, y, yFormat, yUnit }: ChartAxesProps) {
  const midY = (box.top + box.bottom) / 2;
  return (
    <g className="chart-axes" aria-hidden="true">
      {valueTicks.map((v) => (
        <g key={v}>
          <line className="chart-grid" x1={box.left} x2={box.right} y1={y(v)} y2={y(v)} strokeDasharray={v === 0 ? undefined : '2 4'} />
          <text className="chart-tick" x={box.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {yFormat(v)}
          </text>
        </g>
      ))}
      <line className="chart-axis-line" x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} />
      {timeTicks.map((t) => (
        <text key={t} className="chart-tick" x={x(t)} y={box.bottom + 15} textAnchor="middle">
          {formatClock(t)}
        </text>
      ))}
      {yUnit ? (
        <text className="axis-unit" transform={`translate(12 ${midY}) rotate(-90)`} textAnchor="middle">
          {yUnit}
        </text>
      ) : null}
    </g>
  );
});
