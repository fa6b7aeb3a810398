/** Names that both ends show and count by. `as const` arrays so the UI can iterate them in order. */

export const CONNECTION_STATES = ['connecting', 'idle', 'validating', 'active', 'closing'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const CLOSE_REASONS = [
  'idle-timeout',
  'max-lifetime',
  'health-check',
  'remote-closed',
  'error',
  'shrink',
  'excess-idle',
  'pool-closed',
  'leak-reclaimed',
  'bad-reply',
  'unexpected-bytes',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const REQUEST_OUTCOMES = [
  'ok',
  'acquire-timeout',
  'rejected',
  'dial-failed',
  'request-timeout',
  'connection-error',
  'bad-reply',
] as const;
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[number];

export const TARGET_STATES = ['up', 'backoff', 'down', 'stalled', 'resetting'] as const;
export type TargetState = (typeof TARGET_STATES)[number];

/** Stable error codes, shared by engine errors, REST errors and socket acks. */
export const ERROR_CODES = {
  acquireTimeout: 'POOL_ACQUIRE_TIMEOUT',
  queueFull: 'POOL_QUEUE_FULL',
  poolClosed: 'POOL_CLOSED',
  noTargets: 'POOL_NO_TARGETS',
  socketBudget: 'POOL_SOCKET_BUDGET',
  frameTooLarge: 'WIRE_FRAME_TOO_LARGE',
  badReply: 'WIRE_BAD_REPLY',
  requestTimeout: 'WIRE_REQUEST_TIMEOUT',
  connectionClosed: 'WIRE_CONNECTION_CLOSED',
  invalidConfig: 'INVALID_CONFIG',
  invalidRequest: 'INVALID_REQUEST',
  notFound: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  rateLimited: 'RATE_LIMITED',
  targetNotAllowed: 'TARGET_NOT_ALLOWED',
  hostNotAllowed: 'HOST_NOT_ALLOWED',
  originNotAllowed: 'ORIGIN_NOT_ALLOWED',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  unknownLibrary: 'UNKNOWN_LIBRARY',
  noComparison: 'NO_COMPARISON',
  importParseFailed: 'IMPORT_PARSE_FAILED',
  /** A control sent to a relay got no answer from the lab (Redis or the lab away); nothing was applied by it. */
  labUnreachable: 'LAB_UNREACHABLE',
  /** Something the lab did not expect (a bug, or the machine refusing a socket): nothing was applied. */
  internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];
