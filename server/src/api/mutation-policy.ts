/** The header a body-less POST may carry instead of a JSON content type; no form or `no-cors` fetch can set it. */
export const INTENT_HEADER = 'x-poolscope';

export interface MutationHeaders {
  'content-type'?: string | undefined;
  'content-length'?: string | undefined;
  'transfer-encoding'?: string | undefined;
  [INTENT_HEADER]?: string | string[] | undefined;
}

/**
 * Can this change have come from a plain HTML form or a `no-cors` fetch? Those can only send a
 * "simple" request: POST with `text/plain`, `application/x-www-form-urlencoded` or
 * `multipart/form-data` and no custom header, and no preflight is asked first. So a body must be
 * `application/json`, and a body-less POST must say JSON or carry `X-Poolscope`; PATCH, PUT and
 * DELETE are never simple, and a body-less one (curl -X DELETE) stays as it was.
 * Returns null when acceptable, or the reason a client can act on.
 */
export function simpleRequestRefusal(method: string, headers: MutationHeaders): string | null {
  const mediaType = headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  const hasBody = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  if (mediaType === 'application/json') return null;
  if (mediaType !== '' || hasBody) return `changes take only Content-Type: application/json, got "${mediaType || 'none'}"`;
  if (method.toUpperCase() !== 'POST' || headers[INTENT_HEADER] !== undefined) return null;
  return 'a POST without a body needs Content-Type: application/json or the header X-Poolscope: 1 (a form cannot send either)';
}
