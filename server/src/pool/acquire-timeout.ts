import { ERROR_CODES } from '@poolscope/shared/vocabulary';
import { PoolError } from './errors';

export interface PoolStateAtTimeout {
  acquireTimeoutMs: number;
  active: number;
  maxOpen: number;
  waiting: number;
  waitedMs: number;
  dialFailuresDuringWait: number;
  lastDialError: string | null;
}

/** "timed out after 2000 ms: 8/8 active, 14 waiting; last dial error ECONNREFUSED 127.0.0.1:7001" */
export function acquireTimeoutError(state: PoolStateAtTimeout): PoolError {
  const cap = state.maxOpen === 0 ? 'unlimited' : String(state.maxOpen);
  const dialNote = state.dialFailuresDuringWait > 0 && state.lastDialError !== null ? `; last dial error ${state.lastDialError}` : '';
  const error = new PoolError(
    ERROR_CODES.acquireTimeout,
    `timed out after ${state.acquireTimeoutMs} ms: ${state.active}/${cap} active, ${state.waiting} waiting${dialNote}`,
  );
  error.lastDialError = dialNote === '' ? null : state.lastDialError;
  error.dialFailuresDuringWait = state.dialFailuresDuringWait;
  error.waitedMs = state.waitedMs;
  return error;
}
