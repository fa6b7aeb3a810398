import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesDef } from './svg-chart/series-def';

interface ChartLegendProps {
  series: readonly SeriesDef[];
  drawn: readonly SeriesDef[];
  note?: string | undefined;
  /** While comparing: which line style is which arm (every series keeps its colour in both). */
  armKey?: boolean;
}

/** Every series by name and swatch; one that is zero throughout the window is dimmed, not hidden. */
export const ChartLegend = memo(function ChartLegend({ series, drawn, note, armKey = false }: ChartLegendProps) {
  const { t } = useTranslation();
  return (
    <figcaption className="legend">
      {series.map((s) => (
        <span
          key={s.key}
          className={`legend-item${drawn.includes(s) ? '' : ' legend-idle'}`}
          title={drawn.includes(s) ? undefined : t('chart.zeroThroughout')}
        >
          <span
            className={`swatch${s.dashed ? ' swatch-dashed' : ''}`}
            style={{ background: s.dashed ? undefined : s.color, borderColor: s.color }}
            aria-hidden="true"
          />
          {s.name}
        </span>
      ))}
      {armKey ? (
        <span className="legend-arms">
          <span className="legend-item legend-arm">
            <span className="swatch swatch-line" aria-hidden="true" />
            {t('compare.legendA')}
          </span>
          <span className="legend-item legend-arm">
            <span className="swatch swatch-dashed swatch-arm-b" aria-hidden="true" />
            {t('compare.legendB')}
          </span>
        </span>
      ) : null}
      {note ? <span className="legend-note">{note}</span> : null}
    </figcaption>
  );
});
