import { useMemo, useRef, useState, type RefObject } from 'react';
import type { Marker } from '@poolscope/shared/snapshot';
import { bucketWidthMs, type ChartPoint, type SeriesSpec } from '../lib/downsample';
import { BucketCache } from '../lib/bucket-cache';
import type { Sample } from '../lib/live-store';
import { useCompareStore, useLiveStore } from '../lib/store-context';
import { mergeArmPoints } from '../lib/arm-points';
import { useChartFrame, useLive } from '../lib/use-live';

export interface TimeSeries {
  points: ChartPoint[];
  from: number;
  to: number;
  markers: Marker[];
}

/**
 * Which arm's samples a chart draws: A's (the live store's) with B's beside them (`overlayB`,
 * while a comparison has samples in the window), or one arm alone (the split view).
 */
export interface ArmSource {
  source?: 'a' | 'b';
  overlayB?: boolean;
}

/** What a drawing depends on besides forced refreshes: the newest bucket and the markers. */
interface Drawn {
  bucket: number;
  markers: readonly Marker[];
}

/**
 * The window's samples bucketed for one chart, recomputed only on that chart's turn, and
 * its turn taken only once a new bucket has begun or a marker arrived: a 15-minute window
 * at 150 points moves one point every 6 s, so redrawing it twice a second was waste.
 */
export function useTimeSeries(
  chartId: string,
  specs: readonly SeriesSpec<Sample>[],
  ref?: RefObject<Element | null>,
  arms: ArmSource = {},
): TimeSeries {
  const { source = 'a', overlayB = true } = arms;
  const liveStore = useLiveStore();
  const compareStore = useCompareStore();
  const windowMs = useLive((s) => s.windowMs);
  const drawn = useRef<Drawn>({ bucket: Number.NaN, markers: [] });
  // One per arm drawn: a turn folds only the samples that arrived since this chart's last one.
  const [ownBuckets] = useState(() => new BucketCache<Sample>());
  const [bBuckets] = useState(() => new BucketCache<Sample>());
  const hasNews = (now: number) =>
    Math.floor(now / bucketWidthMs(windowMs)) !== drawn.current.bucket || liveStore.markers !== drawn.current.markers;
  const frame = useChartFrame(chartId, ref, hasNews);
  return useMemo(() => {
    const to = liveStore.view?.t ?? 0;
    const from = to - windowMs;
    drawn.current = { bucket: Math.floor(to / bucketWidthMs(windowMs)), markers: liveStore.markers };
    const own = ownBuckets.points(source === 'b' ? compareStore.samples : liveStore.samples, from, to, specs);
    // B is bucketed in A's turn, not a turn of its own: the overlay adds no chart refreshes.
    const bLast = compareStore.samples.last();
    const withB = source === 'a' && overlayB && bLast !== undefined && bLast.t >= from;
    return {
      points: withB ? mergeArmPoints(own, bBuckets.points(compareStore.samples, from, to, specs)) : own,
      from,
      to,
      markers: liveStore.markers.filter((m) => m.t >= from && m.t <= to),
    };
    // `frame` is the trigger: it changes on this chart's turn.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frame, windowMs, specs, source, overlayB]);
}
