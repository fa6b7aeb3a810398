import { ERROR_CODES, type RequestOutcome } from '@poolscope/shared/vocabulary';

/** Errors are told apart by their stable `code` (PoolError, WireError), not by class: load imports neither. */
function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/**
 * An acquire that failed. A timeout during which dials failed is a dead target, not a busy
 * pool, so it counts as dial-failed.
 */
export function acquireOutcome(error: unknown): RequestOutcome {
  switch (codeOf(error)) {
    case ERROR_CODES.acquireTimeout: {
      const dialFailures = (error as { dialFailuresDuringWait?: number }).dialFailuresDuringWait ?? 0;
      return dialFailures > 0 ? 'dial-failed' : 'acquire-timeout';
    }
    case ERROR_CODES.queueFull:
    case ERROR_CODES.poolClosed:
    case ERROR_CODES.noTargets:
      return 'rejected';
    default:
      return 'connection-error';
  }
}

/** A request on a borrowed connection that failed. */
export function requestOutcome(error: unknown): RequestOutcome {
  switch (codeOf(error)) {
    case ERROR_CODES.requestTimeout:
      return 'request-timeout';
    case ERROR_CODES.badReply:
    case ERROR_CODES.frameTooLarge:
      return 'bad-reply';
    default:
      return 'connection-error';
  }
}

/** Why the borrower destroys a connection whose request failed (shown on the dashboard). */
export { closeReasonForRequestError as closeReasonFor } from '../wire/close-reason';
