import { ERROR_CODES } from '@poolscope/shared/vocabulary';
import type { ValidationDetail } from '@poolscope/shared/validation';

/** Thrown by the LoadGenerator constructor for an invalid config; `reconfigure` returns the details instead. */
export class LoadConfigError extends Error {
  override readonly name = 'LoadConfigError';
  readonly code = ERROR_CODES.invalidConfig;

  constructor(readonly details: ValidationDetail[]) {
    super(`invalid load config: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`);
  }
}
