import { ERROR_CODES } from '@poolscope/shared/vocabulary';

export const WIRE_ERROR_CODES = {
  frameTooLarge: ERROR_CODES.frameTooLarge,
  badReply: ERROR_CODES.badReply,
  requestTimeout: ERROR_CODES.requestTimeout,
  connectionClosed: ERROR_CODES.connectionClosed,
} as const;

export type WireErrorCode = (typeof WIRE_ERROR_CODES)[keyof typeof WIRE_ERROR_CODES];

/** Anything that went wrong on the wire, with a stable `code` callers can branch on. */
export class WireError extends Error {
  override readonly name = 'WireError';

  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isWireError(error: unknown): error is WireError {
  return error instanceof WireError;
}
