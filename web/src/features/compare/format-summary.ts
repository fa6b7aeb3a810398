import { SUMMARY_METRICS, type SummaryRow } from '@poolscope/shared/compare';
import { formatMs, formatNumber } from '../../lib/format';

const LABELS = new Map(SUMMARY_METRICS.map((m) => [m.id, m.label]));

/** The metric's label from the shared list; an id the dashboard does not know yet shows as itself. */
export function metricLabel(id: string): string {
  return LABELS.get(id) ?? id;
}

/** A value in its row's unit: milliseconds readable, rates and counts with their unit. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '–';
  if (unit === 'ms') return formatMs(value);
  const text = formatNumber(value);
  return unit === 'connections' ? text : `${text} ${unit}`;
}

/** "+12 ms (+40 %)": the sign always shown, so a glance tells which way B moved. */
export function formatDelta(row: SummaryRow): string {
  if (row.delta === null) return '–';
  const sign = row.delta > 0 ? '+' : row.delta < 0 ? '−' : '±';
  const size = formatValue(Math.abs(row.delta), row.unit);
  const pct = row.deltaPct === null ? '' : ` (${sign}${formatNumber(Math.abs(row.deltaPct))} %)`;
  return `${sign}${size}${pct}`;
}
