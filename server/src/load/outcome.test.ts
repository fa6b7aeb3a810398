import { describe, expect, it } from 'vitest';
import { acquireOutcome, closeReasonFor, requestOutcome } from './outcome';

/** The mapping table in docs/CONTRACTS.md; errors are told apart by `code` only. */
const coded = (code: string, extra: object = {}) => Object.assign(new Error(code), { code }, extra);

describe('outcome mapping', () => {
  it('maps acquire failures: a timeout with dial failures during the wait is dial-failed', () => {
    expect(acquireOutcome(coded('POOL_ACQUIRE_TIMEOUT', { dialFailuresDuringWait: 0 }))).toBe('acquire-timeout');
    expect(acquireOutcome(coded('POOL_ACQUIRE_TIMEOUT', { dialFailuresDuringWait: 3 }))).toBe('dial-failed');
    for (const code of ['POOL_QUEUE_FULL', 'POOL_CLOSED', 'POOL_NO_TARGETS']) expect(acquireOutcome(coded(code))).toBe('rejected');
    expect(acquireOutcome(new Error('ECONNRESET'))).toBe('connection-error');
    expect(acquireOutcome(undefined)).toBe('connection-error');
  });

  it('maps request failures and the close reason the borrower destroys with', () => {
    expect(requestOutcome(coded('WIRE_REQUEST_TIMEOUT'))).toBe('request-timeout');
    expect(requestOutcome(coded('WIRE_BAD_REPLY'))).toBe('bad-reply');
    expect(requestOutcome(coded('WIRE_FRAME_TOO_LARGE'))).toBe('bad-reply');
    expect(requestOutcome(coded('WIRE_CONNECTION_CLOSED'))).toBe('connection-error');
    expect(requestOutcome(coded('ECONNRESET'))).toBe('connection-error');
    expect(closeReasonFor(coded('WIRE_BAD_REPLY'))).toBe('bad-reply');
    expect(closeReasonFor(coded('WIRE_CONNECTION_CLOSED'))).toBe('remote-closed');
    expect(closeReasonFor(coded('WIRE_REQUEST_TIMEOUT'))).toBe('error');
  });
});
