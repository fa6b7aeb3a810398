import type { IncomingMessage } from 'node:http';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply } from 'fastify';
import type { AccessPolicy, AccessRefusal } from './access-policy';
import { bearerToken, type ControlPolicy } from './control-policy';
import { errorBody } from './error-envelope';
import { simpleRequestRefusal } from './mutation-policy';
import type { TypedApp } from './typed-app';

/** REST changes per client address: a dashboard or a fuzzing test suite sends far fewer; a loop of curl is cut off. */
export const CONTROL_REQUEST_LIMIT = { max: 1000, timeWindowMs: 10_000 };
/** `GET /api/history` is ~2 MB of JSON: plenty for tabs opening and reconnecting, not for a loop. */
export const HISTORY_REQUEST_LIMIT = { max: 20, timeWindowMs: 60_000 };

/**
 * The REST door, in order: a `Host` the lab knows (every request); then, for a change, an
 * `Origin` that is the lab's own or absent, the per-address rate limit, the control token, and
 * a body no HTML form could have sent.
 */
export async function registerAccessGuard(app: TypedApp, access: AccessPolicy, control: ControlPolicy): Promise<void> {
  await app.register(rateLimit, { global: false });
  const controlLimit = app.rateLimit({ max: CONTROL_REQUEST_LIMIT.max, timeWindow: CONTROL_REQUEST_LIMIT.timeWindowMs });
  const historyLimit = app.rateLimit({ max: HISTORY_REQUEST_LIMIT.max, timeWindow: HISTORY_REQUEST_LIMIT.timeWindowMs });
  app.addHook('onRequest', async (request, reply) => {
    const wrongHost = access.refuseHost(request.headers.host);
    if (wrongHost) return refuse(reply, 403, wrongHost);
    if (!isControlRequest(request.method, request.routeOptions.url)) {
      if (request.routeOptions.url === '/api/history') await historyLimit.call(app, request, reply);
      return;
    }
    const foreign = access.refuseOrigin(request.headers.origin, request.headers.host);
    if (foreign) return refuse(reply, 403, foreign);
    await controlLimit.call(app, request, reply);
    const verdict = control.check(bearerToken(request.headers.authorization));
    if (verdict === 'missing') {
      return refuse(reply, 401, { code: 'UNAUTHORIZED', message: 'this lab needs its control token: send Authorization: Bearer <token>' });
    }
    if (verdict === 'wrong') return refuse(reply, 403, { code: 'FORBIDDEN', message: 'wrong control token' });
    const simple = simpleRequestRefusal(request.method, request.headers);
    if (simple) return refuse(reply, 415, { code: 'UNSUPPORTED_MEDIA_TYPE', message: simple });
  });
}

/**
 * Socket.IO's `allowRequest`: judged on the handshake of either transport (polling or WebSocket),
 * before the connection exists, so a refused page receives no snapshot at all. Later requests of
 * a session carry its `sid`, which only an allowed handshake hands out.
 */
export function socketHandshakeGuard(access: AccessPolicy) {
  return (request: IncomingMessage, callback: (message: string | null | undefined, success: boolean) => void): void => {
    const refusal = access.refuseHost(request.headers.host) ?? access.refuseOrigin(request.headers.origin, request.headers.host);
    callback(refusal ? `${refusal.code}: ${refusal.message}` : null, refusal === null);
  };
}

/**
 * Judged by the route the request matched, not its raw URL: the router decodes the path, so
 * `/%61pi/config` reaches `/api/config`. A change that matched no route fails closed.
 */
function isControlRequest(method: string, routeUrl: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  return routeUrl === undefined || routeUrl.startsWith('/api/');
}

function refuse(reply: FastifyReply, status: number, refusal: AccessRefusal | { code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'UNSUPPORTED_MEDIA_TYPE'; message: string }) {
  return reply.status(status).send(errorBody({ code: refusal.code, message: refusal.message, details: [] }));
}
