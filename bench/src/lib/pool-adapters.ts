import { createPool } from 'generic-pool';
import { Pool as TarnPool } from 'tarn';
import { ConnectionPool, type PooledConnection } from '@poolscope/server/src/pool/connection-pool';
import { memoryConnector } from '@poolscope/server/src/pool/memory-connector';

/** The one shape the overhead harness drives: trivial resources, max 10 of them. */
export interface BenchPool {
  acquire(): Promise<object>;
  release(resource: object): void;
  close(): Promise<void>;
}

export const MAX_RESOURCES = 10;

export function poolscopePool(instrumented: boolean): BenchPool {
  const pool = new ConnectionPool({
    connector: memoryConnector,
    targets: [{ id: 'memory', host: 'memory', port: 1 }],
    instrumented,
    config: {
      maxOpen: MAX_RESOURCES,
      maxIdle: MAX_RESOURCES,
      minIdle: 0,
      maxWaiters: 0,
      acquireTimeoutMs: 30_000,
      healthCheckMethod: 'none',
      heartbeatIntervalMs: 0,
      idleTimeoutMs: 0,
      maxLifetimeMs: 0,
    },
  });
  // What the lab does: listen to events (instrumented pools emit them; off, the bus stays silent).
  pool.on('event', () => {});
  return {
    acquire: () => pool.acquire(),
    release: (c) => pool.release(c as PooledConnection),
    close: () => pool.close(),
  };
}

/** tarn 3.1 with its defaults (acquireTimeoutMillis 30 s; it cannot be turned off). */
export function tarnPool(): BenchPool {
  const pool = new TarnPool<object>({ create: () => ({}), destroy: () => {}, min: 0, max: MAX_RESOURCES });
  return {
    acquire: () => pool.acquire().promise,
    release: (r) => void pool.release(r),
    close: () => pool.destroy().then(() => undefined),
  };
}

/** generic-pool 3.9 with its defaults (no acquire timeout, so no timer per waiter: its fastest setting). */
export function genericPool(): BenchPool {
  const pool = createPool<object>({ create: async () => ({}), destroy: async () => {} }, { max: MAX_RESOURCES, min: 0 });
  return {
    acquire: () => pool.acquire(),
    release: (r) => void pool.release(r),
    close: async () => {
      await pool.drain();
      await pool.clear();
    },
  };
}

/** The floor: a free array and a FIFO of waiters, no timeouts, nothing counted (~20 lines). */
export function minimalPool(): BenchPool {
  const free: object[] = [];
  const waiters: ((r: object) => void)[] = [];
  let head = 0;
  let created = 0;
  return {
    acquire() {
      const r = free.pop();
      if (r !== undefined) return Promise.resolve(r);
      if (created < MAX_RESOURCES) {
        created++;
        return Promise.resolve({});
      }
      return new Promise((resolve) => waiters.push(resolve));
    },
    release(r) {
      if (head < waiters.length) {
        const next = waiters[head++]!;
        if (head > 1024 && head * 2 > waiters.length) {
          waiters.splice(0, head);
          head = 0;
        }
        next(r);
      } else free.push(r);
    },
    close: async () => {},
  };
}
