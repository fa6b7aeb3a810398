import { Type } from '@sinclair/typebox';
import { LoadConfigPatchSchema } from '@poolscope/shared/load-config';
import { PoolConfigPatchSchema } from '@poolscope/shared/pool-config';
import type { TypedApp } from '../typed-app';
import { ErrorSchema, LabConfigSchema } from './route-schemas';

const LabConfigPatchSchema = Type.Object(
  { pool: Type.Optional(PoolConfigPatchSchema), load: Type.Optional(LoadConfigPatchSchema) },
  { additionalProperties: false },
);

export async function configRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/config',
    {
      schema: { tags: ['config'], summary: 'The current pool and load config', response: { 200: LabConfigSchema } },
    },
    async () => app.lab.config(),
  );

  app.patch(
    '/api/config',
    {
      schema: {
        tags: ['config'],
        summary: 'Change pool and/or load knobs, all or nothing',
        description:
          'A partial `{ pool?, load? }`. Every field is checked, and cross-field rules too (minIdle ≤ maxIdle, minIdle ≤ maxOpen, backoff base ≤ cap); on any problem nothing is applied and the 400 lists every one.',
        body: LabConfigPatchSchema,
        response: { 200: LabConfigSchema, 400: ErrorSchema },
      },
    },
    async (request) => app.lab.patchConfig(request.body),
  );
}
