import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import { guardUpgrades, registerAccessGuard, socketHandshakeGuard } from '../api/access-guard';
import type { AccessPolicy } from '../api/access-policy';
import { ControlPolicy } from '../api/control-policy';
import type { LabServer } from '../api/socket-gateway';
import type { TypedApp } from '../api/typed-app';
import { registerWebApp } from '../api/web-app';
import { BODY_LIMIT_BYTES } from '../api/app';
import { LESSONS } from '@poolscope/shared/lessons';
import { AUDIENCE_PATH, isAudiencePage } from '@poolscope/shared/page-views';
import { SCENARIOS, summarize } from '../lab/scenarios';
import { randomUUID } from 'node:crypto';
import { jsonParser, REDIS_PREFIX, VIEWERS_EVERY_MS, VIEWERS_KEY_PREFIX, VIEWERS_TTL_MS } from './json-parser';
import { RelayMemory } from './relay-memory';
import { attachRelayGateway } from './relay-gateway';
import { storedHistoryReader } from './stored-history';
import { controlForwarder } from './control-forwarding';
import { closeRedisClient, newRedisLinkStatus, noteError, openRedisClient, type RedisLinkStatus } from './redis-link';

export interface RelayOptions {
  redisUrl: string;
  access: AccessPolicy;
  /** Folder of the built dashboard (web/dist); null serves the stream only. */
  webRoot: string | null;
  logger?: FastifyServerOptions['logger'];
}

export interface Relay {
  app: TypedApp;
  io: LabServer;
  status: RedisLinkStatus;
  close(): Promise<void>;
}

/**
 * A relay: the dashboard and a Socket.IO endpoint of its own, fed by the lab through Redis with
 * the classic @socket.io/redis-adapter (it PSUBSCRIBEs the lab's channel and re-broadcasts each
 * message to its local viewers, keeping the lab's `volatile` flag). Same Host/Origin door as the lab.
 */
export async function buildRelay(options: RelayOptions): Promise<Relay> {
  const status = newRedisLinkStatus();
  const pub = openRedisClient(options.redisUrl, status);
  const sub = openRedisClient(options.redisUrl, status, { offlineQueue: true });
  const memory = new RelayMemory(storedHistoryReader(pub, status), status);
  const app: TypedApp = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(helmet, { contentSecurityPolicy: { directives: relayContentSecurityPolicy() } });
  // No token: a relay changes nothing, and the guard refuses every REST change (no such route exists here).
  await registerAccessGuard(app, options.access, new ControlPolicy(null));
  // A relay's viewers are the audience: its front page is the read-only view (the full dashboard's controls would only be refused).
  app.addHook('onRequest', async (request, reply) => {
    const [path, query = ''] = request.url.split('?');
    if (request.method === 'GET' && path === '/' && !isAudiencePage(query)) {
      return reply.redirect(`${AUDIENCE_PATH}${query ? `&${query}` : ''}`);
    }
  });
  app.get('/healthz', async () => ({ ok: true, redis: { ...status } }));
  // Static data the dashboard reads by REST to name the lesson step and scenario the stream shows.
  app.get('/api/lessons', async () => [...LESSONS]);
  app.get('/api/scenarios', async () => SCENARIOS.map(summarize));
  await registerWebApp(app, options.webRoot);
  // Subscribe on a connected client only. node-redis 5 replays its subscriptions on every (re)connect, so
  // a subscription queued before the first connection is sent twice (queued and replayed); its reply
  // accounting then breaks and every message fails ("Cannot read properties of undefined (reading 'value')"),
  // forever. That happened whenever a relay's first connect failed: Redis down, or a cold start on a loaded
  // machine outlasting the connect timeout (bench `relay`). Until Redis answers, the relay does not listen.
  // (Not events.once: it rejects on the client's 'error' events, which here are retries, counted in `status`.)
  if (!sub.isReady) await new Promise<void>((resolve) => sub.once('ready', () => resolve()));
  const io: LabServer = new Server(app.server, {
    serveClient: false,
    maxHttpBufferSize: BODY_LIMIT_BYTES,
    allowRequest: socketHandshakeGuard(options.access),
    adapter: createAdapter(pub, sub, { key: REDIS_PREFIX, parser: jsonParser((decoded) => memory.observe(decoded)) }),
  });
  guardUpgrades(app.server, options.access);
  // On the connected subscriber, for the reason above.
  const detachGateway = attachRelayGateway(io, memory, controlForwarder(pub, sub, status));
  // This relay's viewers, for the presenter's count (the lab sums every relay's key); it expires if the relay dies.
  const viewersKey = `${VIEWERS_KEY_PREFIX}${randomUUID()}`;
  const reportViewers = () => {
    if (!pub.isReady) return;
    pub.set(viewersKey, String(io.of('/').sockets.size), { PX: VIEWERS_TTL_MS }).catch((error: unknown) => noteError(status, error));
  };
  const viewersTimer = setInterval(reportViewers, VIEWERS_EVERY_MS);
  viewersTimer.unref();
  app.addHook('preClose', async () => {
    clearInterval(viewersTimer);
    detachGateway();
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    await io.close();
    await closeRedisClient(sub);
    await closeRedisClient(pub);
  });
  return { app, io, status, close: () => app.close() };
}

function relayContentSecurityPolicy(): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: null,
  };
}
