import type { CloseReason, ConnectionState, RequestOutcome, TargetState } from '@poolscope/shared/vocabulary';

/** Okabe-Ito: distinguishable with the common colour-vision deficiencies. */
export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#8A8F98',
} as const;

export const STATE_COLORS: Record<ConnectionState, string> = {
  active: OKABE_ITO.blue,
  idle: OKABE_ITO.green,
  validating: OKABE_ITO.purple,
  connecting: OKABE_ITO.orange,
  closing: OKABE_ITO.grey,
};

export const WAITING_COLOR = OKABE_ITO.vermillion;

export const OUTCOME_COLORS: Record<RequestOutcome, string> = {
  ok: OKABE_ITO.green,
  'acquire-timeout': OKABE_ITO.vermillion,
  rejected: OKABE_ITO.purple,
  'dial-failed': OKABE_ITO.orange,
  'request-timeout': OKABE_ITO.yellow,
  'connection-error': OKABE_ITO.grey,
  'bad-reply': OKABE_ITO.sky,
};

export const PERCENTILE_COLORS = { p50: OKABE_ITO.sky, p90: OKABE_ITO.blue, p99: OKABE_ITO.orange, max: OKABE_ITO.vermillion } as const;

export const TARGET_STATE_TONE: Record<TargetState, 'good' | 'warn' | 'bad'> = {
  up: 'good',
  backoff: 'warn',
  stalled: 'warn',
  down: 'bad',
  resetting: 'bad',
};

/** Close reasons that mean "something went wrong" rather than housekeeping. */
export const TROUBLE_REASONS: ReadonlySet<CloseReason> = new Set([
  'health-check',
  'remote-closed',
  'error',
  'leak-reclaimed',
  'bad-reply',
  'unexpected-bytes',
]);
