import { ERROR_CODES } from '@poolscope/shared/vocabulary';
import type { ValidationDetail } from '@poolscope/shared/validation';

export type PoolErrorCode =
  typeof ERROR_CODES.acquireTimeout | typeof ERROR_CODES.queueFull | typeof ERROR_CODES.poolClosed | typeof ERROR_CODES.noTargets;

/** An acquire that could not be served, with a stable `code` and a message a user can act on. */
export class PoolError extends Error {
  override readonly name = 'PoolError';
  /** "ECONNREFUSED 127.0.0.1:7001" when a dial failed while this acquire waited, else null. */
  lastDialError: string | null = null;
  /** Dials that failed (any target) while this acquire waited: tells a dead target from a busy pool. */
  dialFailuresDuringWait = 0;
  waitedMs = 0;

  constructor(
    readonly code: PoolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A pool config that failed validation; `details` name each field and its allowed range. */
export class PoolConfigError extends Error {
  override readonly name = 'PoolConfigError';
  readonly code = ERROR_CODES.invalidConfig;

  constructor(readonly details: ValidationDetail[]) {
    super(`invalid pool config: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`);
  }
}
