import { parseArgs } from 'node:util';
import { AccessPolicy } from '../api/access-policy';
import { parseAllowedHosts, parseAllowedOrigins, redisUrl } from '../cli-options';
import { buildRelay } from './relay-app';

export const RELAY_USAGE = `Usage: npm run relay -- --redis URL [options]
  --redis URL              the lab's Redis, e.g. redis://127.0.0.1:6379 (POOLSCOPE_REDIS; required)
  --port N                 HTTP port (PORT, default 3001)
  --host ADDR              bind address (HOST, default 127.0.0.1)
  --allowed-hosts NAMES    extra Host names served, comma-separated (POOLSCOPE_ALLOWED_HOSTS)
  --allowed-origins URLS   extra browser origins that may watch (POOLSCOPE_ALLOWED_ORIGINS)
A relay is read-only: its viewers see the lab's stream; controls are refused (use the lab's own address).`;

export interface RelayCliOptions {
  redisUrl: string;
  port: number;
  host: string;
  allowedHosts: string[];
  allowedOrigins: string[];
}

/** Flags win over environment variables, which win over defaults. Throws a message a user can act on. */
export function parseRelayOptions(argv: string[], env: NodeJS.ProcessEnv): RelayCliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      redis: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'allowed-hosts': { type: 'string' },
      'allowed-origins': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) throw new Error(RELAY_USAGE);
  const url = redisUrl(values.redis ?? env.POOLSCOPE_REDIS);
  if (!url) throw new Error(`a relay needs --redis (or POOLSCOPE_REDIS)\n\n${RELAY_USAGE}`);
  const portText = values.port ?? env.PORT ?? '3001';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`--port must be a whole number from 0 to 65535, got "${portText}"`);
  return {
    redisUrl: url,
    port,
    host: values.host ?? env.HOST ?? '127.0.0.1',
    allowedHosts: parseAllowedHosts(values['allowed-hosts'] ?? env.POOLSCOPE_ALLOWED_HOSTS),
    allowedOrigins: parseAllowedOrigins(values['allowed-origins'] ?? env.POOLSCOPE_ALLOWED_ORIGINS),
  };
}

/** `relay`: serves until a signal; a bad command line is exit code 2 with the reason. */
export async function runRelay(argv: string[], env: NodeJS.ProcessEnv, webRoot: string): Promise<number | null> {
  let options: RelayCliOptions;
  try {
    options = parseRelayOptions(argv, env);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const access = new AccessPolicy({ bindHost: options.host, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  const relay = await buildRelay({ redisUrl: options.redisUrl, access, webRoot, logger: { level: env.LOG_LEVEL ?? 'warn' } });
  const address = await relay.app.listen({ port: options.port, host: options.host });
  console.log(
    `Poolscope relay is running at ${address.replace('[::1]', 'localhost')} (read-only), fed through ${new URL(options.redisUrl).host}`,
  );
  const stop = () => {
    relay.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return null;
}
