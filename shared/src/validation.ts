import type { TSchema, Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** One reason a value was rejected: a JSON pointer into the input and a message naming the rule. */
export interface ValidationDetail {
  path: string;
  message: string;
}

export type PatchResult<T> = { ok: true; value: T } | { ok: false; details: ValidationDetail[] };

/** Every schema violation of `value`, with paths a user can map back to their input. */
export function schemaProblems(schema: TSchema, value: unknown): ValidationDetail[] {
  return [...Value.Errors(schema, value)].map((error) => ({
    path: error.path || '/',
    message: describeError(error.schema, error.message),
  }));
}

function describeError(schema: TSchema, fallback: string): string {
  const title = typeof schema.title === 'string' ? `${schema.title}: ` : '';
  if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
    return `${title}${fallback} (allowed ${schema.minimum} to ${schema.maximum})`;
  }
  return `${title}${fallback}`;
}

/** The schema's defaults as a fresh object. */
export function defaultsOf<S extends TSchema>(schema: S): Static<S> {
  return Value.Create(schema) as Static<S>;
}

/**
 * Validate a partial patch and the whole config it would produce, all or nothing:
 * the result is either the complete new config or every reason it was refused.
 */
export function applyPatch<S extends TSchema>(
  patchSchema: TSchema,
  fullSchema: S,
  current: Static<S>,
  patch: unknown,
  crossCheck: (candidate: Static<S>) => ValidationDetail[] = () => [],
): PatchResult<Static<S>> {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return { ok: false, details: [{ path: '/', message: 'expected a JSON object' }] };
  }
  const patchDetails = schemaProblems(patchSchema, patch);
  if (patchDetails.length > 0) return { ok: false, details: patchDetails };
  const candidate = { ...(current as object), ...(patch as object) } as Static<S>;
  const details = [...schemaProblems(fullSchema, candidate), ...crossCheck(candidate)];
  return details.length > 0 ? { ok: false, details } : { ok: true, value: candidate };
}
