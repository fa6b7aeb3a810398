import { fileURLToPath } from 'node:url';
import { TSX_IMPORT } from './fork-ts';
import { spawnTied } from './tied-process';

/** The server package, where `npm run relay` runs `tsx src/main.ts relay`. */
const SERVER_DIR = fileURLToPath(new URL('../../../server/', import.meta.url));

export interface RelayProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * The real relay entry, as `npm run relay -- --redis URL --port 0` starts it (without the web build:
 * it serves the stream alone then), in a process of its own so its CPU can be read from /proc.
 */
export async function startRelayProcess(redisUrl: string): Promise<RelayProcess> {
  const relay = await spawnTied(process.execPath, ['--import', TSX_IMPORT, 'src/main.ts', 'relay', '--redis', redisUrl, '--port', '0'], {
    cwd: SERVER_DIR,
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  try {
    const url = (await relay.waitFor(/relay is running at (http:\/\/\S+)/, 180_000))[1]!;
    return { url, pid: relay.pid, close: relay.stop };
  } catch (error) {
    await relay.stop();
    throw error;
  }
}

interface RelayHealth {
  redis: { received: number; errors: number; lastError: string | null };
}

/**
 * A relay that is passing the lab's stream on: started, then watched on /healthz until it has
 * received a few snapshots. On a loaded machine a relay has come up with its Redis subscriber
 * failing on every message (node-redis "Cannot read properties of undefined (reading 'value')",
 * `received` stuck at 0, its viewers sent nothing); such a start is replaced and reported, never
 * measured as if it were the relay's speed.
 */
export async function startStreamingRelay(redisUrl: string, attempts = 3): Promise<{ relay: RelayProcess; brokenStarts: string[] }> {
  const brokenStarts: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const relay = await startRelayProcess(redisUrl);
    const deadlineMs = performance.now() + 15_000;
    let health: RelayHealth | null = null;
    while (performance.now() < deadlineMs) {
      health = (await fetch(`${relay.url}/healthz`).then((r) => r.json())) as RelayHealth;
      if (health.redis.received >= 5) return { relay, brokenStarts };
      // Failing on every message already: no need to wait out the deadline.
      if (health.redis.received === 0 && health.redis.errors >= 20) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    brokenStarts.push(`received ${health?.redis.received}, errors ${health?.redis.errors}, last: ${health?.redis.lastError}`);
    await relay.close();
  }
  throw new Error(`no relay passed the stream on in ${attempts} starts: ${brokenStarts.join('; ')}`);
}
