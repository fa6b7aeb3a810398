import { memo, useState } from 'react';
import type { SummaryRow } from '@poolscope/shared/compare';
import { Panel } from '../../components/panel';
import { useCompare } from '../../lib/use-compare';
import { formatDelta, formatValue, metricLabel } from './format-summary';

const TITLE = 'Comparison: A vs B';
const LEDE = 'Both pools run under one seeded load, so a difference is the config\'s doing. The better value of each row that differs beyond noise is marked ✓.';
const CAPTION = (windowS: number) => `Over the last ${windowS} s of one-second samples.`;
const NOISE_NOTE = '~ means the difference is within noise (Mann–Whitney U, p ≥ 0.05, or too few samples), as benchstat prints it.';
const HEAD = { metric: 'Metric', a: 'A', b: 'B', delta: 'Δ (B − A)', verdict: 'Verdict' } as const;
const BETTER = (arm: string) => `${arm} better`;
const NOT_SIGNIFICANT = '~';
const NOT_SIGNIFICANT_LABEL = 'within noise';
const DIFFERENT = 'different';
const BETTER_MARK = '✓';
const SHOW_QUIET = (n: number) => `Show ${n} more ${n === 1 ? 'row' : 'rows'} (zero in both arms)`;
const HIDE_QUIET = 'Hide the rows that are zero in both arms';

/** A row with nothing to say (both arms at zero): folded away so the rows that differ fit a projector's first screen. */
const quiet = (row: SummaryRow) => !row.significant && (row.a ?? 0) === 0 && (row.b ?? 0) === 0;

function Cell({ row, arm }: { row: SummaryRow; arm: 'a' | 'b' }) {
  const better = row.better === arm;
  return (
    <td className={`num${better ? ' better' : ''}`} data-testid={`compare-${arm}-${row.metric}`}>
      {better ? <span className="better-mark" aria-label="better">{BETTER_MARK} </span> : null}
      {formatValue(row[arm], row.unit)}
    </td>
  );
}

function Verdict({ row }: { row: SummaryRow }) {
  if (!row.significant) return <td className="verdict verdict-noise"><abbr title={NOT_SIGNIFICANT_LABEL} aria-label={NOT_SIGNIFICANT_LABEL}>{NOT_SIGNIFICANT}</abbr></td>;
  return <td className="verdict">{row.better ? BETTER(row.better.toUpperCase()) : DIFFERENT}</td>;
}

/** The rows on their own, for tests and for anyone holding a report. */
export const SummaryTable = memo(function SummaryTable({ rows, windowS }: { rows: readonly SummaryRow[]; windowS: number }) {
  const [showQuiet, setShowQuiet] = useState(false);
  const quietCount = rows.filter(quiet).length;
  const shown = showQuiet ? rows : rows.filter((row) => !quiet(row));
  return (
    <div className="compare-table-wrap">
      <table className="compare-table" data-testid="compare-table">
        <caption>{CAPTION(windowS)}</caption>
        <thead>
          <tr>{Object.values(HEAD).map((h) => <th key={h} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.metric} className={row.significant ? 'significant' : 'noise'}>
              <th scope="row">{metricLabel(row.metric)}</th>
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
          {showQuiet ? HIDE_QUIET : SHOW_QUIET(quietCount)}
        </button>
      ) : null}
      <p className="muted small">{NOISE_NOTE}</p>
    </div>
  );
});

/** The comparison table from the snapshot's summary (refreshed by the lab once a second); shown only while comparing. */
export function CompareTablePanel() {
  const summary = useCompare((s) => s.summary);
  const windowS = useCompare((s) => s.compare?.windowS ?? 30);
  if (!summary) return null;
  return (
    <Panel id="compare-summary" title={TITLE} lede={LEDE}>
      <SummaryTable rows={summary} windowS={windowS} />
    </Panel>
  );
}
