import { fileURLToPath } from 'node:url';
import { buildApp } from './api/app';
import { AccessPolicy } from './api/access-policy';
import { ControlPolicy } from './api/control-policy';
import { parseCliOptions } from './cli-options';
import { Lab } from './lab/lab';

const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env);
  const lab = await Lab.start({
    embeddedTargets: options.embeddedTargets, externalTargets: options.targets, pool: options.config.pool,
    load: options.config.load, allowTargets: options.allowTargets, sampleHz: options.sampleHz,
  });
  const policy = ControlPolicy.forBinding(options.host, options.controlToken);
  const access = new AccessPolicy({ bindHost: options.host, allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins });
  const { app } = await buildApp({ lab, policy, access, webRoot: WEB_ROOT, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  installShutdown(async () => {
    await lab.close();
    await app.close();
  });
  const address = await app.listen({ port: options.port, host: options.host });
  console.log(`Poolscope is running at ${address.replace('[::1]', 'localhost')}`);
  console.log(`  ${lab.targets.list().length} target(s): ${lab.targets.list().map((t) => t.address).join(', ') || 'none'}; API docs at ${address}/docs`);
  if (policy.required) console.log(`  control token: ${policy.token}  (open ${address}/?token=${policy.token} to control; viewing needs none)`);
}

/** SIGINT/SIGTERM: stop load, drain the pool, close sockets, exit 0. A second signal exits at once. */
function installShutdown(shutdown: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`\n${signal}: stopping load, draining the pool...`);
    shutdown().then(() => process.exit(0), (error: unknown) => {
      console.error('poolscope: shutdown failed', error);
      process.exit(1);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
