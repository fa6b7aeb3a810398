import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { LabError } from '../../src/lab/lab-error';
import { registerErrorEnvelope } from '../../src/api/error-envelope';

/** A bare Fastify with only the envelope, so a route can fail in ways the real routes never should. */
async function appThatThrows(thrown: unknown) {
  const app = Fastify({ logger: false });
  registerErrorEnvelope(app);
  app.get('/fail', async () => {
    throw thrown;
  });
  await app.ready();
  return app;
}

let app: Awaited<ReturnType<typeof appThatThrows>> | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

describe('error envelope', () => {
  it('answers an unexpected error with 500 and code INTERNAL, without its message or stack', async () => {
    app = await appThatThrows(new TypeError('cannot read properties of undefined (secret detail)'));
    const response = await app.inject({ method: 'GET', url: '/fail' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ code: 'INTERNAL', message: 'internal error', details: [] });
  });

  it('keeps a coded error as it is, in one `code` field', async () => {
    app = await appThatThrows(new LabError('NOT_FOUND', 'no target t9', 404));
    const response = await app.inject({ method: 'GET', url: '/fail' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'NOT_FOUND', message: 'no target t9', details: [] });
  });
});
