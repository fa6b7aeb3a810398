import type { ComponentProps } from 'react';
import type { TimeChart as EagerTimeChart } from './time-chart';
import type { SeriesDef } from './svg-chart/series-def';
import { lazyPart } from '../lib/lazy-part';
import { AfterNumbers } from './after-numbers';

// Panels declare their series beside the chart they draw.
export type { SeriesDef };

const Chart = lazyPart(() => import('./time-chart').then((m) => m.TimeChart));
/** The legend line above the plot: the placeholder holds the chart's whole place, so nothing jumps. */
const LEGEND_HEIGHT_PX = 24;
const DEFAULT_HEIGHT_PX = 220;

/**
 * The time charts (plain SVG, with their scales, axes and downsampling) are a chunk of their own,
 * fetched once the first live numbers are painted: a phone shows the headline numbers first and
 * spends its CPU on them, and a chart has nothing to draw before a snapshot anyway.
 */
export function TimeChart(props: ComponentProps<typeof EagerTimeChart>) {
  const placeholder = (
    <figure className="chart" aria-busy="true" style={{ minHeight: (props.height ?? DEFAULT_HEIGHT_PX) + LEGEND_HEIGHT_PX }} />
  );
  return (
    <AfterNumbers placeholder={placeholder}>
      <Chart {...props} />
    </AfterNumbers>
  );
}
