import { memo } from 'react';
import { isChartSeries, parseSeriesTerms } from '@poolscope/shared/series-terms';
import { SERIES_COLORS } from '../lib/series-colors';
import './series-text.css';

/**
 * A "what to watch" text with its `[[series|term]]` markup drawn: each term carries its series'
 * colour as a swatch (the chart legend's) and a thick underline, so the class can match the words
 * to the line. The letters keep the text's own colour: several series colours (Okabe-Ito yellow,
 * sky, orange) are too light to read as text on a light surface, and contrast must pass.
 */
export const SeriesText = memo(function SeriesText({ text }: { text: string }) {
  return (
    <>
      {parseSeriesTerms(text).map((part, i) => {
        if (!('series' in part) || !isChartSeries(part.series)) return part.text;
        const color = SERIES_COLORS[part.series];
        return (
          <span key={i} className="series-term" data-series={part.series} style={{ textDecorationColor: color }}>
            <span className="series-swatch" aria-hidden="true" style={{ backgroundColor: color }} />
            {part.text}
          </span>
        );
      })}
    </>
  );
});
