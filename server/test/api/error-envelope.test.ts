import { describe, expect, it } from 'vitest';
import { toApiError } from '../../src/api/error-envelope';

describe('error envelope', () => {
  it('answers any error without a code as 500 INTERNAL, never leaking its text or stack', () => {
    const { status, body } = toApiError(new Error('secret path /home/x: EADDRINUSE'));
    expect(status).toBe(500);
    expect(body).toEqual({ code: 'INTERNAL', message: 'internal error', details: [] });
  });
});
