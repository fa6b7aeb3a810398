import { createClient, DisconnectsClientError } from 'redis';

/** What a Redis link has done so far: shown on /metrics, never thrown. */
export interface RedisLinkStatus {
  connected: boolean;
  /** Messages handed to Redis. */
  published: number;
  /** Stream messages that reached a relay. */
  received: number;
  /** Messages skipped because Redis was down or too slow (the lab never queues for it). */
  dropped: number;
  /** Connection and command errors seen. */
  errors: number;
  lastError: string | null;
}

export type RedisClient = ReturnType<typeof createClient>;

/** The longest pause between reconnect attempts: a restarted Redis is found again within it. */
export const RECONNECT_MAX_MS = 1000;

/**
 * A node-redis client that never makes its owner wait or crash: no offline queue unless asked
 * (a command while disconnected fails at once instead of piling up), reconnects forever at most a second
 * apart, and every error is counted into `status` instead of thrown out of the process.
 */
export function openRedisClient(url: string, status: RedisLinkStatus, options: { offlineQueue?: boolean } = {}): RedisClient {
  const client = createClient({
    url,
    // A subscriber keeps its queue: its few SUBSCRIBE commands wait for Redis and are replayed on every reconnect.
    disableOfflineQueue: options.offlineQueue !== true,
    // A Redis that is up but slow: commands beyond this fail at once instead of queueing in our memory.
    commandsQueueMaxLength: 256,
    socket: { connectTimeout: 2000, reconnectStrategy: (retries: number) => Math.min(50 * (retries + 1), RECONNECT_MAX_MS) },
  });
  client.on('error', (error: unknown) => noteError(status, error));
  client.on('ready', () => {
    status.connected = true;
  });
  client.on('end', () => {
    status.connected = false;
  });
  client.on('reconnecting', () => {
    status.connected = false;
  });
  // Not awaited: a Redis that is down at start must not hold the lab back; the client keeps retrying.
  client.connect().catch((error: unknown) => noteError(status, error));
  return client;
}

export function newRedisLinkStatus(): RedisLinkStatus {
  return { connected: false, published: 0, received: 0, dropped: 0, errors: 0, lastError: null };
}

export function noteError(status: RedisLinkStatus, error: unknown): void {
  status.errors += 1;
  status.lastError = error instanceof Error ? error.message : String(error);
}

/**
 * Closes gracefully when Redis answers (pending commands, such as the adapter's UNSUBSCRIBEs,
 * finish instead of being rejected with nobody listening), at once when it does not.
 */
export async function closeRedisClient(client: RedisClient, graceMs = 1000): Promise<void> {
  if (!client.isOpen) return;
  if (client.isReady) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
    });
    await Promise.race([client.close().catch(() => undefined), late]);
    clearTimeout(timer);
  }
  if (client.isOpen) destroyQuietly(client);
}

/**
 * destroy() rejects every command still queued, node-redis's own resubscriptions included (a
 * subscriber closed while Redis is away holds them), and nobody holds those promises: every
 * command of ours is caught where it is sent. So a DisconnectsClientError left unhandled right
 * after is one of those and expected; anything else is rethrown as Node would have it.
 */
function destroyQuietly(client: RedisClient): void {
  const expected = (reason: unknown) => {
    if (!(reason instanceof DisconnectsClientError)) throw reason;
  };
  process.on('unhandledRejection', expected);
  client.destroy();
  setTimeout(() => process.off('unhandledRejection', expected), 100);
}
