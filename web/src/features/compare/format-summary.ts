import type { TFunction } from 'i18next';
import { SUMMARY_METRICS, type SummaryRow } from '@poolscope/shared/compare';
import { formatMs, formatNumber } from '../../lib/format';

const LABELS = new Map(SUMMARY_METRICS.map((m) => [m.id, m.label]));

const REQUESTS = /^requestsPerSec\.(.+)$/;

/**
 * The metric worded by its id (dots become underscores in the key); requests by outcome keep the
 * outcome's API code. An id this build does not know falls back to the shared list's English
 * label, then to the id itself.
 */
export function metricLabel(t: TFunction, id: string): string {
  const requests = REQUESTS.exec(id);
  if (requests) return t('compare.metricRequests', { outcome: requests[1] });
  return t(`compare.metric.${id.replaceAll('.', '_')}`, { defaultValue: LABELS.get(id) ?? id });
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
