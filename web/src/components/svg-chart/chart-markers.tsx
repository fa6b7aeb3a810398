import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarkerKind } from '@poolscope/shared/snapshot';
import type { MarkerCluster } from '../marker-clusters';
import { OKABE_ITO } from '../../lib/palette';
import type { PlotBox } from './layout';
import { markerLabel } from './marker-label';

const MARKER_COLORS: Record<MarkerKind, string> = { config: OKABE_ITO.blue, scenario: OKABE_ITO.purple, fault: OKABE_ITO.vermillion };
/** The newest few carry a label; older ones keep their line (and name it on hover). */
const LABELLED_MARKERS = 3;
const LABEL_CHARS = 28;

interface ChartMarkersProps {
  clusters: readonly MarkerCluster[];
  box: PlotBox;
  x: (t: number) => number;
}

/**
 * A dashed line wherever the config changed, a scenario started or a fault began. Labels sit at
 * the top, staggered over three rows so neighbours do not collide, and flip to the left of
 * their line in the right quarter so they stay inside the chart.
 */
export const ChartMarkers = memo(function ChartMarkers({ clusters, box, x }: ChartMarkersProps) {
  const { t } = useTranslation();
  return (
    <g className="chart-markers">
      {clusters.map((m, i) => {
        const px = x(m.t);
        const color = MARKER_COLORS[m.kind];
        const labelled = i >= clusters.length - LABELLED_MARKERS;
        const anchorEnd = px > box.left + (box.right - box.left) * 0.75;
        const label = markerLabel(t, m);
        const text = label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
        const row = (clusters.length - 1 - i) % 3;
        return (
          <g key={m.id}>
            <title>{label}</title>
            <line x1={px} x2={px} y1={box.top} y2={box.bottom} stroke={color} strokeDasharray="4 3" strokeWidth={1.5} />
            {labelled ? (
              <text
                className="marker-label"
                x={px + (anchorEnd ? -4 : 4)}
                y={box.top + 11 + row * 13}
                fill={color}
                fontSize={11}
                textAnchor={anchorEnd ? 'end' : 'start'}
              >
                {text}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
