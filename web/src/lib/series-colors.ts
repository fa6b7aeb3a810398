import { REQUEST_OUTCOMES } from '@poolscope/shared/vocabulary';
import type { ChartSeries } from '@poolscope/shared/series-terms';
import { OKABE_ITO, OUTCOME_COLORS, PERCENTILE_COLORS, STATE_COLORS, WAITING_COLOR } from './palette';

/**
 * Each charted series' colour, by its id in shared/series-terms.ts, taken from the same palette
 * entries the panels draw the series with (features/charts, health, littles-law), so a term in a
 * text and its line in the chart cannot drift apart. The type makes every series id need a colour.
 */
export const SERIES_COLORS: Record<ChartSeries, string> = {
  'pool-state.active': STATE_COLORS.active,
  'pool-state.idle': STATE_COLORS.idle,
  'pool-state.validating': STATE_COLORS.validating,
  'pool-state.connecting': STATE_COLORS.connecting,
  'pool-state.waiting': WAITING_COLOR,
  'pool-state.maxOpen': 'var(--ref-line)',
  'pool-state.minIdle': STATE_COLORS.idle,
  'wait-times.p50': PERCENTILE_COLORS.p50,
  'wait-times.p90': PERCENTILE_COLORS.p90,
  'wait-times.p99': PERCENTILE_COLORS.p99,
  'wait-times.max': PERCENTILE_COLORS.max,
  'wait-times.timeout': 'var(--ref-line)',
  ...(Object.fromEntries(REQUEST_OUTCOMES.map((o) => [`throughput.${o}`, OUTCOME_COLORS[o]])) as Record<
    `throughput.${(typeof REQUEST_OUTCOMES)[number]}`,
    string
  >),
  'rtt.p50': PERCENTILE_COLORS.p50,
  'rtt.p90': PERCENTILE_COLORS.p90,
  'rtt.p99': PERCENTILE_COLORS.p99,
  'rtt.max': PERCENTILE_COLORS.max,
  'health.hcFailed': OKABE_ITO.purple,
  'health.stale': OKABE_ITO.yellow,
  'health.dial': OKABE_ITO.orange,
  'health.timeouts': OKABE_ITO.vermillion,
  'health.rejected': OKABE_ITO.sky,
  'littles-law.predicted': OKABE_ITO.orange,
  'littles-law.active': STATE_COLORS.active,
};
