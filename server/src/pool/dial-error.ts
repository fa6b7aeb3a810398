/** A failed dial, with the code that dialFailuresByCode counts it under. */
export class DialError extends Error {
  override readonly name = 'DialError';

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function dialErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length > 0 ? code : 'EUNKNOWN';
}
