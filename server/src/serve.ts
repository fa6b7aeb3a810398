import { buildApp } from './api/app';
import { AccessPolicy } from './api/access-policy';
import { ControlPolicy } from './api/control-policy';
import { parseCliOptions } from './cli-options';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { isLoopbackHost } from './api/loopback';
import { Lab } from './lab/lab';
import { startLabPublisher } from './relay/lab-publisher';
import { AUDIENCE_PATH } from '@poolscope/shared/page-views';

/**
 * Starts the lab and its HTTP server from command-line flags, and stops both on SIGINT/SIGTERM.
 * `webRoot` is where the built dashboard lies: it differs between the repo (`npm start`) and the
 * published package (`npx poolscope`), so each entry says where its own copy is.
 */
export async function serve(argv: string[], env: NodeJS.ProcessEnv, webRoot: string): Promise<void> {
  const options = parseCliOptions(argv, env);
  const lab = await Lab.start({
    embeddedTargets: options.embeddedTargets,
    externalTargets: options.targets,
    pool: options.config.pool,
    load: options.config.load,
    allowTargets: options.allowTargets,
    sampleHz: options.sampleHz,
  });
  const policy = ControlPolicy.forBinding(options.host, options.controlToken);
  // Started before the app and never awaited: a Redis that is down now is retried in the background.
  const publisher = options.redisUrl ? startLabPublisher(lab, options.redisUrl, policy) : null;
  const access = new AccessPolicy({ bindHost: options.host, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  const { app } = await buildApp({ lab, policy, access, webRoot, logger: { level: env.LOG_LEVEL ?? 'warn' }, redis: publisher?.status });
  installShutdown(async () => {
    await publisher?.close();
    await lab.close();
    await app.close();
  });
  const address = await app.listen({ port: options.port, host: options.host });
  console.log(`Poolscope is running at ${address.replace('[::1]', 'localhost')}`);
  console.log(
    `  ${lab.targets.list().length} target(s): ${
      lab.targets
        .list()
        .map((t) => t.address)
        .join(', ') || 'none'
    }; API docs at ${address}/docs`,
  );
  if (publisher)
    console.log(
      `  publishing to relays through ${redactedUrl(options.redisUrl ?? '')} (start one: npm run relay -- --redis <url> --port N)`,
    );
  if (!isLoopbackHost(options.host)) console.log(`  audience (read-only, for phones): ${audienceLink(options.host, app.server.address())}`);
  if (policy.required)
    console.log(`  control token: ${policy.token}  (open ${address}/?token=${policy.token} to control; viewing needs none)`);
}

/** SIGINT/SIGTERM: stop load, drain the pool, close sockets, exit 0. A second signal exits at once. */
function installShutdown(shutdown: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping load, draining the pool...`);
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('poolscope: shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** The Redis URL as printed: a password in it stays off the terminal and the logs. */
export function redactedUrl(text: string): string {
  const url = new URL(text);
  if (url.password) url.password = '***';
  return url.toString();
}

/** The audience link students can open: the bound address, or this machine's first LAN address when bound to all. */
export function audienceLink(bindHost: string, bound: string | AddressInfo | null): string {
  const port = typeof bound === 'object' && bound !== null ? bound.port : 0;
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '';
  const lan = Object.values(networkInterfaces())
    .flat()
    .find((net) => net && net.family === 'IPv4' && !net.internal)?.address;
  const host = wildcard ? (lan ?? bindHost) : bindHost;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}${AUDIENCE_PATH}`;
}
