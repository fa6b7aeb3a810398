import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryRow } from '@poolscope/shared/compare';
import { Panel } from '../../components/panel';
import { useCompare } from '../../lib/use-compare';
import { formatDelta, formatValue, metricLabel } from './format-summary';

/** A row with nothing to say (both arms at zero): folded away so the rows that differ fit a projector's first screen. */
const quiet = (row: SummaryRow) => !row.significant && (row.a ?? 0) === 0 && (row.b ?? 0) === 0;

function Cell({ row, arm }: { row: SummaryRow; arm: 'a' | 'b' }) {
  const { t } = useTranslation();
  const better = row.better === arm;
  return (
    <td className={`num${better ? ' better' : ''}`} data-testid={`compare-${arm}-${row.metric}`}>
      {better ? (
        <span className="better-mark" aria-label={t('compare.betterMark')}>
          ✓{' '}
        </span>
      ) : null}
      {formatValue(row[arm], row.unit)}
    </td>
  );
}

function Verdict({ row }: { row: SummaryRow }) {
  const { t } = useTranslation();
  if (!row.significant)
    return (
      <td className="verdict verdict-noise">
        <abbr title={t('compare.withinNoise')} aria-label={t('compare.withinNoise')}>
          ~
        </abbr>
      </td>
    );
  return <td className="verdict">{row.better ? t('compare.better', { arm: row.better.toUpperCase() }) : t('compare.different')}</td>;
}

/** The rows on their own, for tests and for anyone holding a report. */
export const SummaryTable = memo(function SummaryTable({ rows, windowS }: { rows: readonly SummaryRow[]; windowS: number }) {
  const { t } = useTranslation();
  const [showQuiet, setShowQuiet] = useState(false);
  const quietCount = rows.filter(quiet).length;
  const shown = showQuiet ? rows : rows.filter((row) => !quiet(row));
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <caption>{t('compare.caption', { windowS })}</caption>
        <thead>
          <tr>
            {[t('compare.headMetric'), 'A', 'B', t('compare.headDelta'), t('compare.headVerdict')].map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.metric} className={row.significant ? 'significant' : 'noise'}>
              <th scope="row">{metricLabel(t, row.metric)}</th>
              <Cell row={row} arm="a" />
              <Cell row={row} arm="b" />
              <td className="num delta">{formatDelta(row)}</td>
              <Verdict row={row} />
            </tr>
          ))}
        </tbody>
      </table>
      {quietCount > 0 ? (
        <button type="button" className="btn btn-quiet btn-small" aria-expanded={showQuiet} onClick={() => setShowQuiet(!showQuiet)}>
          {showQuiet ? t('compare.hideQuiet') : t('compare.showQuiet', { count: quietCount })}
        </button>
      ) : null}
      <p className="muted small">{t('compare.noiseNote')}</p>
    </div>
  );
});

/** The comparison table from the snapshot's summary (refreshed by the lab once a second); shown only while comparing. */
export function CompareTablePanel() {
  const { t } = useTranslation();
  const summary = useCompare((s) => s.summary);
  const windowS = useCompare((s) => s.compare?.windowS ?? 30);
  if (!summary) return null;
  return (
    <Panel id="compare-summary" title={t('compare.title')} lede={t('compare.lede')}>
      <SummaryTable rows={summary} windowS={windowS} />
    </Panel>
  );
}
