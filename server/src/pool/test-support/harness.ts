import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import { ConnectionPool } from '../connection-pool';
import type { PoolEvent, PoolOptions } from '../types';
import { TestEchoServer, type TestEchoKnobs } from './test-echo-server';

/**
 * Tracks what a test opens so afterEach can close all of it: pools first (their sockets),
 * then servers. Quiet defaults unless a test asks: no prewarm, no heartbeat, a short shutdown grace.
 */
export class Harness {
  private pools: ConnectionPool[] = [];
  private servers: TestEchoServer[] = [];

  async server(knobs: Partial<TestEchoKnobs> = {}): Promise<TestEchoServer> {
    const server = await TestEchoServer.start(knobs);
    this.servers.push(server);
    return server;
  }

  pool(servers: TestEchoServer[], config: PoolConfigPatch = {}, options: Omit<PoolOptions, 'config' | 'targets'> = {}): ConnectionPool {
    const pool = new ConnectionPool({
      ...options,
      config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200, ...config },
      targets: servers.map((s, i) => s.target(`t${i + 1}`)),
    });
    this.pools.push(pool);
    return pool;
  }

  /** Every event the pool emits, in order. */
  record(pool: ConnectionPool): PoolEvent[] {
    const events: PoolEvent[] = [];
    pool.on('event', (event) => events.push(event));
    return events;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.pools.map((p) => p.close()));
    await Promise.all(this.servers.map((s) => s.close()));
    this.pools = [];
    this.servers = [];
  }
}
