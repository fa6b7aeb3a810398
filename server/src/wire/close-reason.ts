import { ERROR_CODES, type CloseReason } from '@poolscope/shared/vocabulary';

/**
 * Why a connection whose request failed is closed: a garbled or oversized reply means the peer
 * misbehaved (`bad-reply`), a closed socket that the peer went away, anything else (a timeout)
 * that the connection can no longer be trusted to be in step (`error`).
 */
export function closeReasonForRequestError(error: unknown): CloseReason {
  switch ((error as { code?: unknown } | null)?.code) {
    case ERROR_CODES.badReply:
    case ERROR_CODES.frameTooLarge:
      return 'bad-reply';
    case ERROR_CODES.connectionClosed:
      return 'remote-closed';
    default:
      return 'error';
  }
}
