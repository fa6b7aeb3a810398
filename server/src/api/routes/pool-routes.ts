import { SnapshotSchema } from '@poolscope/shared/snapshot-schema';
import type { TypedApp } from '../typed-app';
import { serializeAsIs } from './route-schemas';

export async function poolRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/snapshot',
    {
      schema: {
        tags: ['stream'],
        summary: 'The latest snapshot, the same shape the Socket.IO stream sends',
        response: { 200: SnapshotSchema },
      },
      serializerCompiler: serializeAsIs,
    },
    async () => app.lab.snapshot(),
  );

  app.get(
    '/api/history',
    {
      schema: {
        tags: ['stream'],
        summary: 'The last 15 minutes at one sample a second (no connection lists), with the markers of that span, oldest first',
      },
    },
    async () => app.lab.history(),
  );

  app.post(
    '/api/pool/leaks/reclaim',
    {
      schema: { tags: ['pool'], summary: 'Destroy the connections of every leak suspect (close reason leak-reclaimed)' },
    },
    async () => ({ reclaimed: app.lab.reclaimLeaks() }),
  );

  app.get('/healthz', { schema: { tags: ['health'], summary: 'Liveness' } }, async () => ({ status: 'ok' }));
}
