import type { Marker } from '@poolscope/shared/snapshot';

/** A marker line: the latest marker of the burst (its code and params word it), and how many it stands for. */
export interface MarkerCluster extends Marker {
  count: number;
}

/** At most this many marker lines per chart: past that they read as a hatch, not as events. */
export const MAX_MARKER_LINES = 12;

/**
 * Markers closer together than `gapMs` (about a pixel column or two at the chart's width)
 * become one line labelled by the latest, "+n" for the rest; only the newest clusters are kept.
 */
export function clusterMarkers(markers: readonly Marker[], gapMs: number, max = MAX_MARKER_LINES): MarkerCluster[] {
  const clusters: MarkerCluster[] = [];
  for (const m of [...markers].sort((a, b) => a.t - b.t)) {
    const last = clusters.at(-1);
    if (last && m.t - last.t < gapMs) {
      clusters[clusters.length - 1] = { ...m, count: last.count + 1 };
    } else {
      clusters.push({ ...m, count: 1 });
    }
  }
  return clusters.slice(-max).map((c) => (c.count > 1 ? { ...c, label: `${c.label} (+${c.count - 1})` } : c));
}
