import { REQUEST_OUTCOMES } from './vocabulary';

/**
 * The dashboard's charted series, as `<chart id>.<series key>`: what a term in a lesson's or a
 * scenario's "what to watch" text can be tied to, so the text shows it in the colour of its line.
 * The web maps every id to that colour (web/src/lib/series-colors.ts); ids are stable.
 */
export const CHART_SERIES = [
  'pool-state.active',
  'pool-state.idle',
  'pool-state.validating',
  'pool-state.connecting',
  'pool-state.waiting',
  'pool-state.maxOpen',
  'pool-state.minIdle',
  'wait-times.p50',
  'wait-times.p90',
  'wait-times.p99',
  'wait-times.max',
  'wait-times.timeout',
  ...REQUEST_OUTCOMES.map((outcome) => `throughput.${outcome}` as const),
  'rtt.p50',
  'rtt.p90',
  'rtt.p99',
  'rtt.max',
  'health.hcFailed',
  'health.stale',
  'health.dial',
  'health.timeouts',
  'health.rejected',
  'littles-law.predicted',
  'littles-law.active',
] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

const KNOWN = new Set<string>(CHART_SERIES);

export function isChartSeries(id: string): id is ChartSeries {
  return KNOWN.has(id);
}

/** A piece of a text: plain words, or a term that names a charted series. */
export type TextPart = { text: string } | { text: string; series: string };

/**
 * The light markup in texts: `[[rtt.p50|round-trip p50]]` is the words "round-trip p50" tied to
 * the series `rtt.p50`. Anything else is plain text; a reader that ignores the markup keeps the words.
 */
const TERM = /\[\[([^|\]]+)\|([^\]]+)\]\]/g;

export function parseSeriesTerms(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(TERM)) {
    if (match.index > from) parts.push({ text: text.slice(from, match.index) });
    parts.push({ text: match[2] ?? '', series: match[1] ?? '' });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/** The text as read without colours (speaker notes, the API's plain readers, sentence counting). */
export function plainText(text: string): string {
  return text.replace(TERM, '$2');
}

/** Series ids the text names that no chart draws, and markup left half-open (`[[` without its `]]`). */
export function unknownSeriesTerms(text: string): string[] {
  const unknown = parseSeriesTerms(text).flatMap((part) => ('series' in part && !isChartSeries(part.series) ? [part.series] : []));
  if (plainText(text).includes('[[') || plainText(text).includes(']]')) unknown.push('(unclosed [[…]])');
  return unknown;
}
