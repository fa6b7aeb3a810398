import { Type } from '@sinclair/typebox';
import type { TypedApp } from '../typed-app';
import { ErrorSchema, LabConfigSchema } from './route-schemas';

export async function scenarioRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/scenarios',
    {
      schema: {
        tags: ['scenarios'],
        summary: 'Named presets, each with what to watch',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              title: Type.String(),
              watch: Type.String(),
              focus: Type.Object({ panel: Type.String(), metric: Type.String() }),
              compare: Type.Optional(Type.Boolean()),
            }),
          ),
        },
      },
    },
    async () => app.lab.scenarios(),
  );

  app.post(
    '/api/scenarios/:id/apply',
    {
      schema: {
        tags: ['scenarios'],
        summary: "Reset to defaults, then apply the scenario's pool, load and target knobs",
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: LabConfigSchema, 404: ErrorSchema },
      },
    },
    async (request) => app.lab.applyScenario(request.params.id),
  );
}
