import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet from '@fastify/helmet';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Server } from 'socket.io';
import type { Lab } from '../lab/lab';
import { guardUpgrades, registerAccessGuard, socketHandshakeGuard, type RestRateLimits } from './access-guard';
import { AccessPolicy } from './access-policy';
import type { ControlPolicy } from './control-policy';
import { registerErrorEnvelope } from './error-envelope';
import { registerOpenApi } from './openapi';
import { compareRoutes } from './routes/compare-routes';
import { configRoutes } from './routes/config-routes';
import { exportRoutes } from './routes/export-routes';
import { metricsRoutes } from './routes/metrics-routes';
import { poolRoutes } from './routes/pool-routes';
import { scenarioRoutes } from './routes/scenario-routes';
import { lessonRoutes } from './routes/lesson-routes';
import { targetRoutes } from './routes/target-routes';
import { attachSocketGateway, type LabServer } from './socket-gateway';
import type { TypedApp } from './typed-app';
import { registerWebApp } from './web-app';
import type { RedisLinkStatus } from '../relay/redis-link';

export const BODY_LIMIT_BYTES = 64 * 1024;

export interface AppOptions {
  lab: Lab;
  policy: ControlPolicy;
  /** Which Host and Origin headers are served; default: a lab bound to 127.0.0.1 with no extra names. */
  access?: AccessPolicy;
  /** Per-address REST limits; default REST_RATE_LIMITS. Tests pass small ones to reach them in a few requests. */
  restRateLimits?: RestRateLimits;
  /** Folder of the built dashboard (web/dist); null serves the API only. */
  webRoot?: string | null;
  logger?: FastifyServerOptions['logger'];
  /** The lab's Redis link to its relays, when it has one: shown on /metrics. */
  redis?: RedisLinkStatus;
}

/** Composes the lab's HTTP face: security headers, docs, routes, the dashboard and the Socket.IO stream. */
export async function buildApp(options: AppOptions): Promise<{ app: TypedApp; io: LabServer }> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT_BYTES }).withTypeProvider<TypeBoxTypeProvider>();
  // TypeBox's own checker: no type coercion, no silent removal of unknown keys, so what is validated is what is applied.
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  app.decorate('lab', options.lab);
  app.decorate('controlPolicy', options.policy);
  registerErrorEnvelope(app);
  await registerOpenApi(app);
  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy(app) } });
  const access = options.access ?? new AccessPolicy({ bindHost: '127.0.0.1' });
  await registerAccessGuard(app, access, options.policy, options.restRateLimits);
  await app.register(configRoutes);
  await app.register(targetRoutes);
  await app.register(scenarioRoutes);
  await app.register(lessonRoutes);
  await app.register(compareRoutes);
  await app.register(poolRoutes);
  await app.register(metricsRoutes, { redis: options.redis });
  await app.register(exportRoutes);
  await registerWebApp(app, options.webRoot ?? null);
  const io: LabServer = new Server(app.server, {
    serveClient: false,
    maxHttpBufferSize: BODY_LIMIT_BYTES,
    allowRequest: socketHandshakeGuard(access),
  });
  guardUpgrades(app.server, access);
  const detach = attachSocketGateway(io, options.lab, options.policy);
  // Before the HTTP server closes: its close waits for every connection, and a viewer's open
  // WebSocket never ends by itself, so a dashboard left open would hold shutdown forever.
  // Closing the transports (not disconnecting the sockets, which tells a client not to come
  // back) lets every dashboard reconnect by itself when the lab starts again.
  app.addHook('preClose', async () => {
    detach();
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    await io.close();
  });
  return { app, io };
}

function contentSecurityPolicy(app: TypedApp): Record<string, string[] | null> {
  const swagger = (app as unknown as { swaggerCSP?: { script: string[]; style: string[] } }).swaggerCSP ?? { script: [], style: [] };
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...swagger.script],
    // Recharts and React set inline style attributes; no inline script is ever allowed.
    styleSrc: ["'self'", "'unsafe-inline'", ...swagger.style],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    // Off: the lab is usually served over plain http on a LAN or loopback, where upgrading breaks every request.
    upgradeInsecureRequests: null,
  };
}
