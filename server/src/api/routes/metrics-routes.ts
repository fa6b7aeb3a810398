import type { TypedApp } from '../typed-app';
import { createMetricsRegistry } from '../prometheus-metrics';

export async function metricsRoutes(app: TypedApp): Promise<void> {
  const { registry, refresh, close } = createMetricsRegistry(app.lab);
  app.addHook('onClose', async () => close());
  app.get('/metrics', { schema: { tags: ['health'], summary: 'Prometheus text exposition, names prefixed poolscope_' } }, async (_request, reply) => {
    refresh();
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
