import { useMemo, useRef, type RefObject } from 'react';
import type { Marker } from '@poolscope/shared/snapshot';
import { bucketize, bucketWidthMs, type ChartPoint, type SeriesSpec } from '../lib/downsample';
import { liveStore, type Sample } from '../lib/live-store';
import { useChartFrame, useLive } from '../lib/use-live';

export interface TimeSeries {
  points: ChartPoint[];
  from: number;
  to: number;
  markers: Marker[];
}

/** What a drawing depends on besides forced refreshes: the newest bucket and the markers. */
interface Drawn { bucket: number; markers: readonly Marker[] }

/**
 * The window's samples bucketed for one chart, recomputed only on that chart's turn, and
 * its turn taken only once a new bucket has begun or a marker arrived: a 15-minute window
 * at 150 points moves one point every 6 s, so redrawing it twice a second was waste.
 */
export function useTimeSeries(chartId: string, specs: readonly SeriesSpec<Sample>[], ref?: RefObject<Element | null>): TimeSeries {
  const windowMs = useLive((s) => s.windowMs);
  const drawn = useRef<Drawn>({ bucket: Number.NaN, markers: [] });
  const hasNews = (now: number) => Math.floor(now / bucketWidthMs(windowMs)) !== drawn.current.bucket || liveStore.markers !== drawn.current.markers;
  const frame = useChartFrame(chartId, ref, hasNews);
  return useMemo(() => {
    const to = liveStore.view?.t ?? 0;
    const from = to - windowMs;
    drawn.current = { bucket: Math.floor(to / bucketWidthMs(windowMs)), markers: liveStore.markers };
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
