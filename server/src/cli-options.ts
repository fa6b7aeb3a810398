import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LabConfigPatch } from '@poolscope/shared/protocol';
import { canonicalOrigin } from './api/access-policy';
import { hostNameOf } from './api/host-header';

export interface CliOptions {
  port: number;
  host: string;
  embeddedTargets: number;
  targets: { host: string; port: number }[];
  config: LabConfigPatch;
  controlToken: string | undefined;
  allowTargets: string | undefined;
  /** Extra `Host` names served besides loopback and the bound address (lower-cased, any port). */
  allowedHosts: string[];
  /** Extra browser origins that may watch and control (`scheme://host[:port]`). */
  allowedOrigins: string[];
  sampleHz: number;
  /** Publish the stream to relays through this Redis (redis://host:port); undefined: no relays. */
  redisUrl: string | undefined;
}

export const USAGE = `Usage: npm start -- [options]
  --port N                 HTTP port (PORT, default 3000)
  --host ADDR              bind address (HOST, default 127.0.0.1)
  --embedded-targets N     embedded echo targets to start (POOLSCOPE_EMBEDDED_TARGETS, default 2)
  --target host:port       external echo server, repeatable (POOLSCOPE_TARGETS, comma-separated)
  --config file.json       initial { pool, load } config (POOLSCOPE_CONFIG)
  --control-token TOKEN    token for every control (POOLSCOPE_CONTROL_TOKEN; generated when bound beyond loopback)
  --allow-targets CIDRS    ranges external targets must resolve into (POOLSCOPE_ALLOW_TARGETS, default loopback)
  --allowed-hosts NAMES    extra Host names served, comma-separated (POOLSCOPE_ALLOWED_HOSTS; localhost, 127.0.0.1,
                           [::1] and the bound address always are, and this machine's addresses when bound beyond loopback)
  --allowed-origins URLS   extra browser origins that may watch and control, e.g. http://lab.example:3000
                           (POOLSCOPE_ALLOWED_ORIGINS, comma-separated; the lab's own origin always may)
  --sample-hz N            snapshots per second (POOLSCOPE_SAMPLE_HZ, default 10)
  --redis URL              publish the stream to relays through Redis, e.g. redis://127.0.0.1:6379 (POOLSCOPE_REDIS)`;

/** Flags win over environment variables, which win over defaults. Throws a message a user can act on. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'embedded-targets': { type: 'string' },
      target: { type: 'string', multiple: true },
      config: { type: 'string' },
      'control-token': { type: 'string' },
      'allow-targets': { type: 'string' },
      'sample-hz': { type: 'string' },
      help: { type: 'boolean' },
      'allowed-hosts': { type: 'string' },
      'allowed-origins': { type: 'string' },
      redis: { type: 'string' },
    },
  });
  if (values.help) throw new Error(USAGE);
  const targetSpecs = values.target ?? (env.POOLSCOPE_TARGETS ? env.POOLSCOPE_TARGETS.split(',') : []);
  const configPath = values.config ?? env.POOLSCOPE_CONFIG;
  return {
    port: integer('--port', values.port ?? env.PORT ?? '3000', 0, 65_535),
    host: values.host ?? env.HOST ?? '127.0.0.1',
    embeddedTargets: integer('--embedded-targets', values['embedded-targets'] ?? env.POOLSCOPE_EMBEDDED_TARGETS ?? '2', 0, 50),
    targets: targetSpecs
      .map((spec) => spec.trim())
      .filter(Boolean)
      .map(parseHostPort),
    config: configPath ? readConfigFile(configPath) : {},
    controlToken: values['control-token'] ?? env.POOLSCOPE_CONTROL_TOKEN ?? undefined,
    allowTargets: values['allow-targets'] ?? env.POOLSCOPE_ALLOW_TARGETS ?? undefined,
    allowedHosts: parseAllowedHosts(values['allowed-hosts'] ?? env.POOLSCOPE_ALLOWED_HOSTS),
    allowedOrigins: parseAllowedOrigins(values['allowed-origins'] ?? env.POOLSCOPE_ALLOWED_ORIGINS),
    sampleHz: integer('--sample-hz', values['sample-hz'] ?? env.POOLSCOPE_SAMPLE_HZ ?? '10', 1, 60),
    redisUrl: redisUrl(values.redis ?? env.POOLSCOPE_REDIS),
  };
}

/** `redis://host:port` (or `rediss://`, with an optional user:password@ and /db): anything else is a typo to say now. */
export function redisUrl(spec: string | undefined): string | undefined {
  if (spec === undefined || spec.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(spec.trim());
  } catch {
    throw new Error(`--redis takes a URL like redis://127.0.0.1:6379, got "${spec}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`--redis takes a redis:// or rediss:// URL, got "${spec}"`);
  return url.toString();
}

export function parseAllowedHosts(text: string | undefined): string[] {
  return list(text).map(hostName);
}

export function parseAllowedOrigins(text: string | undefined): string[] {
  return list(text).map(origin);
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** `lab.example`, `192.168.1.20` or `[fe80::1]`: a name, never a port, path or wildcard (which would quietly allow more). */
function hostName(spec: string): string {
  const name = hostNameOf(spec);
  if (name === null || spec.includes('*') || /:\d+$/.test(spec)) {
    throw new Error(`--allowed-hosts takes host names without a port, got "${spec}"`);
  }
  return name;
}

function origin(spec: string): string {
  const canonical = canonicalOrigin(spec);
  if (canonical === null) throw new Error(`--allowed-origins takes origins like http://lab.example:3000, got "${spec}"`);
  return canonical;
}

function integer(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

export function parseHostPort(spec: string): { host: string; port: number } {
  const match = /^\[?([^\]]+?)\]?:(\d+)$/.exec(spec);
  if (!match) throw new Error(`--target must look like host:port, got "${spec}"`);
  return { host: match[1] as string, port: integer('--target port', match[2] as string, 1, 65_535) };
}

function readConfigFile(path: string): LabConfigPatch {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`config file ${path} must hold a JSON object { "pool": {...}, "load": {...} }`);
  return parsed as LabConfigPatch;
}
