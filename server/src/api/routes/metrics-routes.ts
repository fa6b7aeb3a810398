import type { TypedApp } from '../typed-app';
import { createMetricsRegistry } from '../prometheus-metrics';
import { registerRedisMetrics } from '../redis-metrics';
import type { RedisLinkStatus } from '../../relay/redis-link';

export async function metricsRoutes(app: TypedApp, options: { redis?: RedisLinkStatus }): Promise<void> {
  const { registry, refresh, close } = createMetricsRegistry(app.lab);
  if (options.redis) registerRedisMetrics(registry, options.redis);
  app.addHook('onClose', async () => close());
  app.get(
    '/metrics',
    { schema: { tags: ['health'], summary: 'Prometheus text exposition, names prefixed poolscope_' } },
    async (_request, reply) => {
      refresh();
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}
