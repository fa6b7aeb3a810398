import { useMemo, type RefObject } from 'react';
import type { Marker } from '@poolscope/shared/snapshot';
import { bucketize, type ChartPoint, type SeriesSpec } from '../lib/downsample';
import { liveStore, type Sample } from '../lib/live-store';
import { useChartFrame, useLive } from '../lib/use-live';

export interface TimeSeries {
  points: ChartPoint[];
  from: number;
  to: number;
  markers: Marker[];
}

/** The window's samples bucketed for one chart, recomputed only on that chart's turn. */
export function useTimeSeries(chartId: string, specs: readonly SeriesSpec<Sample>[], ref?: RefObject<Element | null>): TimeSeries {
  const frame = useChartFrame(chartId, ref);
  const windowMs = useLive((s) => s.windowMs);
  return useMemo(() => {
    const to = liveStore.view?.t ?? 0;
    const from = to - windowMs;
    return {
      points: bucketize(liveStore.samples, from, to, specs),
      from,
      to,
      markers: liveStore.markers.filter((m) => m.t >= from && m.t <= to),
    };
    // `frame` is the trigger: it changes on this chart's turn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frame, windowMs, specs]);
}
