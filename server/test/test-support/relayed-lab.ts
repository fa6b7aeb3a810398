import { buildApp } from '../../src/api/app';
import { AccessPolicy } from '../../src/api/access-policy';
import { ControlPolicy } from '../../src/api/control-policy';
import { Lab } from '../../src/lab/lab';
import { startLabPublisher, type LabPublisher } from '../../src/relay/lab-publisher';
import { buildRelay, type Relay } from '../../src/relay/relay-app';

export interface RelayedLab {
  lab: Lab;
  publisher: LabPublisher;
  url: string;
  close(): Promise<void>;
}

/** A listening lab (10 Hz, light load) that publishes to relays through `redisUrl`, as `--redis` does; with a token, as a lab bound beyond loopback. */
export async function startRelayedLab(redisUrl: string, options: { controlToken?: string } = {}): Promise<RelayedLab> {
  const lab = await Lab.start({ embeddedTargets: 1, sampleHz: 10, load: { concurrency: 2, thinkMs: 20 } });
  const policy = new ControlPolicy(options.controlToken ?? null);
  const publisher = startLabPublisher(lab, redisUrl, policy);
  const { app } = await buildApp({ lab, policy, redis: publisher.status });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    lab,
    publisher,
    url,
    async close() {
      await publisher.close();
      await lab.close();
      await app.close();
    },
  };
}

/** A listening relay on loopback, as `poolscope relay --redis <url> --port 0` starts one. */
export async function startTestRelay(redisUrl: string): Promise<Relay & { url: string }> {
  return buildRelayOn(redisUrl, 0);
}

/** A relay on a given port: a second one taking the place of a killed one. */
export async function buildRelayOn(redisUrl: string, port: number): Promise<Relay & { url: string }> {
  const relay = await buildRelay({ redisUrl, access: new AccessPolicy({ bindHost: '127.0.0.1' }), webRoot: null });
  const url = await relay.app.listen({ port, host: '127.0.0.1' });
  return { ...relay, url };
}
