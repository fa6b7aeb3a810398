import type { PoolConfigPatch } from '@poolscope/shared/pool-config';
import { ConnectionPool } from '../connection-pool';
import type { PoolEvent, PoolOptions } from '../types';
import { TestEchoServer, type TestEchoKnobs } from './test-echo-server';
import type { Track } from '../../test-support/close-after-each';

/**
 * Echo servers and pools for a test file, each handed to `track` (from closeAfterEach) so it
 * closes after its test, newest first: pools (their sockets) before the servers they dial.
 * Quiet defaults unless a test asks: no prewarm, no heartbeat, a short shutdown grace.
 */
export class Harness {
  constructor(private readonly track: Track) {}

  async server(knobs: Partial<TestEchoKnobs> = {}): Promise<TestEchoServer> {
    return this.track(await TestEchoServer.start(knobs));
  }

  pool(servers: TestEchoServer[], config: PoolConfigPatch = {}, options: Omit<PoolOptions, 'config' | 'targets'> = {}): ConnectionPool {
    const pool = new ConnectionPool({
      ...options,
      config: { minIdle: 0, heartbeatIntervalMs: 0, shutdownGraceMs: 200, ...config },
      targets: servers.map((s, i) => s.target(`t${i + 1}`)),
    });
    return this.track(pool);
  }

  /** Every event the pool emits, in order. */
  record(pool: ConnectionPool): PoolEvent[] {
    const events: PoolEvent[] = [];
    pool.on('event', (event) => events.push(event));
    return events;
  }
}
