import type { Marker, MarkerKind } from '@poolscope/shared/snapshot';

export interface MarkerCluster {
  id: number;
  t: number;
  kind: MarkerKind;
  label: string;
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
      last.count += 1;
      last.t = m.t;
      last.id = m.id;
      last.kind = m.kind;
      last.label = m.label;
    } else {
      clusters.push({ id: m.id, t: m.t, kind: m.kind, label: m.label, count: 1 });
    }
  }
  return clusters.slice(-max).map((c) => (c.count > 1 ? { ...c, label: `${c.label} (+${c.count - 1})` } : c));
}
