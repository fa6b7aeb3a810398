import type { ChartPoint } from '../../lib/downsample';
import { formatClock } from '../../lib/format';
import type { SeriesDef } from './series-def';

interface ChartTooltipProps {
  point: ChartPoint;
  series: readonly SeriesDef[];
  leftPx: number;
  topPx: number;
  flip: boolean;
  yFormat: (value: number) => string;
}

/** The values of one point in time, beside the cursor (on its left past the middle of the chart). */
export function ChartTooltip({ point, series, leftPx, topPx, flip, yFormat }: ChartTooltipProps) {
  return (
    <div
      className="chart-tooltip"
      role="status"
      style={{ top: topPx, ...(flip ? { right: `calc(100% - ${leftPx - 10}px)` } : { left: leftPx + 10 }) }}
    >
      <div className="chart-tooltip-time">{formatClock(point.t)}</div>
      {series.map((s) => {
        const value = point[s.key];
        return value === undefined ? null : (
          <div key={s.key} className="chart-tooltip-row">
            <span className="swatch" style={{ background: s.color, borderColor: s.color }} aria-hidden="true" />
            {s.name}: <strong>{yFormat(value)}</strong>
          </div>
        );
      })}
    </div>
  );
}
