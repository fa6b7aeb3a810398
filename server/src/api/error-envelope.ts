import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiError } from '@poolscope/shared/protocol';
import type { ErrorCode } from '@poolscope/shared/vocabulary';
import { LabError } from '../lab/lab-error';

/** REST error body: `{ code, message, details }`, the same ApiError a socket ack carries. */
export function errorBody(error: ApiError): ApiError {
  return { code: error.code, message: error.message, details: error.details };
}

/** Any thrown value as the ApiError a client sees; never leaks a stack. */
export function toApiError(error: unknown): { status: number; body: ApiError } {
  if (error instanceof LabError) return { status: error.statusCode, body: error.toApiError() };
  const fastifyError = error as FastifyError & { validation?: { instancePath?: string; message?: string }[] };
  if (fastifyError.validation) {
    const details = fastifyError.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' }));
    const code: ErrorCode = fastifyError.validationContext === 'body' ? 'INVALID_CONFIG' : 'INVALID_REQUEST';
    return {
      status: 400,
      body: {
        code,
        message: `Invalid ${fastifyError.validationContext ?? 'request'}, nothing applied: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
        details,
      },
    };
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { code: status === 429 ? 'RATE_LIMITED' : 'INVALID_REQUEST', message: fastifyError.message, details: [] } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'internal error', details: [] } };
}

export function registerErrorEnvelope(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toApiError(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    void reply.status(status).send(errorBody(body));
  });
}
