import type { SeriesSpec } from '../../lib/downsample';
import type { Sample } from '../../lib/live-store';

/** One series a time chart draws; its own file so the chart's parts and the chart need not import each other. */
export interface SeriesDef extends SeriesSpec<Sample> {
  name: string;
  color: string;
  kind: 'area' | 'line';
  stackId?: string;
  dashed?: boolean;
  step?: boolean;
  /** Arm B's copy of a series while comparing: drawn dashed (an area as its dashed top edge) in the series' colour. */
  arm?: 'b';
}
