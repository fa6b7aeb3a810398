import type { TypedApp } from '../typed-app';

export async function poolRoutes(app: TypedApp): Promise<void> {
  app.get('/api/snapshot', { schema: { tags: ['stream'], summary: 'The latest snapshot, the same shape the Socket.IO stream sends' } },
    async () => app.lab.snapshot());

  app.post('/api/pool/leaks/reclaim', {
    schema: { tags: ['pool'], summary: 'Destroy the connections of every leak suspect (close reason leak-reclaimed)' },
  }, async () => ({ reclaimed: app.lab.reclaimLeaks() }));

  app.get('/healthz', { schema: { tags: ['health'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
}
