import { Counter, Gauge, type Registry } from 'prom-client';
import type { RedisLinkStatus } from '../relay/redis-link';

/**
 * The lab's link to its relays on /metrics: whether Redis is reachable, and what was published,
 * skipped (Redis down or slow: the lab never waits for it) and failed. Read at scrape time.
 */
export function registerRedisMetrics(registry: Registry, status: RedisLinkStatus): void {
  new Gauge({
    name: 'poolscope_redis_connected',
    help: 'Whether the Redis link to the relays is up (1) or not (0)',
    registers: [registry],
    collect() {
      this.set(status.connected ? 1 : 0);
    },
  });
  const counters: [string, string, () => number][] = [
    ['poolscope_redis_published_total', 'Stream messages and history copies handed to Redis', () => status.published],
    ['poolscope_redis_dropped_total', 'Stream messages skipped because Redis was down or slow', () => status.dropped],
    ['poolscope_redis_errors_total', 'Redis connection and command errors', () => status.errors],
  ];
  for (const [name, help, read] of counters) {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }
}
