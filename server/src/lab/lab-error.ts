import type { ErrorCode } from '@poolscope/shared/vocabulary';
import type { ValidationDetail } from '@poolscope/shared/validation';
import type { ApiError } from '@poolscope/shared/protocol';

/** An error the lab reports to a client as-is: a stable code, an actionable message, and where it applies an HTTP status. */
export class LabError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly statusCode: number,
    readonly details: ValidationDetail[] = [],
  ) {
    super(message);
    this.name = 'LabError';
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message, details: this.details };
  }

  static invalidConfig(details: ValidationDetail[]): LabError {
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return new LabError('INVALID_CONFIG', `Invalid config, nothing applied: ${summary}`, 400, details);
  }

  /** The unexpected, said as a code a client can act on; the cause's text stays in the message. */
  static internal(message: string, cause: unknown): LabError {
    const reason = cause instanceof Error ? cause.message : String(cause);
    return new LabError('INTERNAL', `${message}: ${reason}`, 500);
  }

  static notFound(what: string): LabError {
    return new LabError('NOT_FOUND', `${what} not found`, 404);
  }
}
