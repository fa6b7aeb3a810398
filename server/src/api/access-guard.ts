import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import type { FastifyReply } from 'fastify';
import type { AccessPolicy, AccessRefusal } from './access-policy';
import { bearerToken, type ControlPolicy } from './control-policy';
import { errorBody } from './error-envelope';
import { simpleRequestRefusal } from './mutation-policy';
import type { TypedApp } from './typed-app';

export interface RequestLimit {
  max: number;
  timeWindowMs: number;
}

export interface RestRateLimits {
  control: RequestLimit;
  history: RequestLimit;
}

export const REST_RATE_LIMITS: RestRateLimits = {
  /** REST changes per client address: a dashboard or a fuzzing test file sends far fewer; a loop of curl is cut off within a second. */
  control: { max: 3000, timeWindowMs: 60_000 },
  /** `GET /api/history` is ~2 MB of JSON: plenty for tabs opening and reconnecting, not for a loop. */
  history: { max: 20, timeWindowMs: 60_000 },
};

/**
 * The REST door, in order: a `Host` the lab knows (every request); then, for a change, an
 * `Origin` that is the lab's own or absent, the per-address rate limit, the control token, and
 * a body no HTML form could have sent.
 */
export async function registerAccessGuard(
  app: TypedApp,
  access: AccessPolicy,
  control: ControlPolicy,
  limits = REST_RATE_LIMITS,
): Promise<void> {
  await app.register(rateLimit, { global: false });
  const controlLimit = app.rateLimit({ max: limits.control.max, timeWindow: limits.control.timeWindowMs });
  const historyLimit = app.rateLimit({ max: limits.history.max, timeWindow: limits.history.timeWindowMs });
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
    const refusal = handshakeRefusal(access, request);
    callback(refusal ? `${refusal.code}: ${refusal.message}` : null, refusal === null);
  };
}

/**
 * Every WebSocket upgrade passes the same door first, answered `403` with the reason (Engine.IO
 * alone answers a refused upgrade `400`). Installed after Socket.IO attached, it wraps the
 * `upgrade` listeners there are, as Engine.IO wraps the `request` ones.
 */
export function guardUpgrades(server: HttpServer, access: AccessPolicy): void {
  const listeners = server.listeners('upgrade') as ((request: IncomingMessage, socket: Duplex, head: Buffer) => void)[];
  server.removeAllListeners('upgrade');
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = handshakeRefusal(access, request);
    if (!refusal) {
      for (const listener of listeners) listener.call(server, request, socket, head);
      return;
    }
    const body = JSON.stringify(errorBody({ code: refusal.code, message: refusal.message, details: [] }));
    socket.on('error', () => {}); // a client that hangs up first must not become an uncaught error
    const statusAndHeaders = [
      'HTTP/1.1 403 Forbidden',
      'Connection: close',
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    socket.end(`${statusAndHeaders.join('\r\n')}\r\n\r\n${body}`);
  });
}

function handshakeRefusal(access: AccessPolicy, request: IncomingMessage): AccessRefusal | null {
  return access.refuseHost(request.headers.host) ?? access.refuseOrigin(request.headers.origin, request.headers.host);
}

/**
 * Judged by the route the request matched, not its raw URL: the router decodes the path, so
 * `/%61pi/config` reaches `/api/config`. A change that matched no route fails closed.
 */
function isControlRequest(method: string, routeUrl: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  return routeUrl === undefined || routeUrl.startsWith('/api/');
}

type Refusal = AccessRefusal | { code: 'UNAUTHORIZED' | 'FORBIDDEN' | 'UNSUPPORTED_MEDIA_TYPE'; message: string };

function refuse(reply: FastifyReply, status: number, refusal: Refusal) {
  return reply.status(status).send(errorBody({ code: refusal.code, message: refusal.message, details: [] }));
}
