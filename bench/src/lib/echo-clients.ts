import type { HealthCheckMethod } from '@poolscope/shared/pool-config';
import { ConnectionPool } from '@poolscope/server/src/pool/connection-pool';
import { connectPerRequest, echoFrame, HandoffSockets, RawSockets, type RawRead } from './raw-echo';
import { sleep } from './stats';

/**
 * The echo clients the echo suite compares (and bench/src/tools/echo-client.ts runs alone for
 * profilers): all send the same 16-byte payload in the same frame bytes.
 */
const PAYLOAD_BYTES = 16;
export const payload = Buffer.alloc(PAYLOAD_BYTES, 0x61);
const frame = echoFrame(PAYLOAD_BYTES);
export const requestOptions = { timeoutMs: 10_000, framing: 'length-prefixed' } as const;

export interface Client {
  once: () => Promise<unknown>;
  close: () => Promise<void>;
}

/** How the requesters use the pool: borrow (acquire, request, release) or pool.request() in one call. */
export type PoolApi = 'borrow' | 'request';

export async function pooledClient(
  port: number,
  connections: number,
  instrumented: boolean,
  healthCheckMethod?: HealthCheckMethod,
  api: PoolApi = 'borrow',
): Promise<Client> {
  const pool = new ConnectionPool({
    targets: [{ id: 'echo', host: '127.0.0.1', port }],
    instrumented,
    latencyWindowTakes: 10,
    config: {
      maxOpen: connections,
      maxIdle: connections,
      minIdle: connections,
      maxWaiters: 0,
      acquireTimeoutMs: 30_000,
      // Issue 8 cells check every borrow, so the method's own cost shows.
      ...(healthCheckMethod === undefined ? {} : { healthCheckMethod, validateAfterIdleMs: 0 }),
    },
  });
  // Instrumented as in the lab: an event listener and a 10 Hz reader of stats and latency windows.
  let reader: NodeJS.Timeout | null = null;
  if (instrumented) {
    pool.on('event', () => {});
    reader = setInterval(() => {
      pool.stats();
      pool.connections();
      pool.takeLatencyWindow();
    }, 100);
  }
  for (let i = 0; i < 250 && pool.stats().idle < connections; i++) await sleep(20);
  if (pool.stats().idle < connections) throw new Error(`pool opened only ${pool.stats().idle} of ${connections} connections`);
  const close = async () => {
    if (reader !== null) clearInterval(reader);
    await pool.close();
  };
  // As a caller would use it: the request's own promise, no wrapper around it.
  if (api === 'request') return { once: () => pool.request(payload, requestOptions), close };
  return {
    once: async () => {
      const connection = await pool.acquire();
      try {
        await connection.request(payload, requestOptions);
      } finally {
        pool.release(connection);
      }
    },
    close,
  };
}

export async function rawClient(port: number, connections: number, read: RawRead = 'data'): Promise<Client> {
  const raw = await RawSockets.open(port, connections, frame, read);
  return { once: () => raw.request(), close: async () => raw.close() };
}

/** The best raw client (onread, a socket handed to the next requester in the read callback): the echo baseline. */
export async function bestRawClient(port: number, connections: number): Promise<Client> {
  const raw = await HandoffSockets.open(port, connections, frame);
  return { once: () => raw.request(), close: async () => raw.close() };
}

export function perRequestClient(port: number): Client {
  return { once: () => connectPerRequest(port, frame), close: async () => {} };
}
