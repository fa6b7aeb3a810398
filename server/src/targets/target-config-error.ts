import { ERROR_CODES } from '@poolscope/shared/vocabulary';
import type { ValidationDetail } from '@poolscope/shared/validation';

/** Thrown by EchoTarget.start for invalid initial knobs; `update` returns the details instead. */
export class TargetConfigError extends Error {
  readonly code = ERROR_CODES.invalidConfig;
  readonly details: ValidationDetail[];

  constructor(details: ValidationDetail[]) {
    super(`invalid target knobs: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`);
    this.name = 'TargetConfigError';
    this.details = details;
  }
}
