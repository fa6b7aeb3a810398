import { Type } from '@sinclair/typebox';
import { TargetKnobsPatchSchema } from '@poolscope/shared/target-config';
import { ARM_SCOPES } from '@poolscope/shared/compare';
import type { TypedApp } from '../typed-app';
import { ErrorSchema, serializeAsIs, TargetSchema } from './route-schemas';

const TargetIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** While comparing, which arm's copy of the target a fault or restart reaches (default both, at the same instant). */
const ArmQuery = Type.Object({ arm: Type.Optional(Type.Union(ARM_SCOPES.map((a) => Type.Literal(a)))) }, { additionalProperties: false });
const AddTargetBody = Type.Union([
  Type.Object(
    { host: Type.String({ minLength: 1, maxLength: 253 }), port: Type.Integer({ minimum: 1, maximum: 65_535 }) },
    { additionalProperties: false },
  ),
  Type.Object({ embedded: Type.Literal(true) }, { additionalProperties: false }),
]);

export async function targetRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/targets',
    {
      schema: {
        tags: ['targets'],
        summary: 'Every target with its state, counters and (embedded) knobs',
        response: { 200: Type.Array(TargetSchema) },
      },
      serializerCompiler: serializeAsIs,
    },
    async () => app.lab.snapshot().targets,
  );

  app.post(
    '/api/targets',
    {
      schema: {
        tags: ['targets'],
        summary: 'Add an external echo server `{ host, port }` (must match the allowlist) or an embedded one `{ embedded: true }`',
        body: AddTargetBody,
        response: { 201: TargetSchema, 400: ErrorSchema, 403: ErrorSchema, 409: ErrorSchema },
      },
      serializerCompiler: serializeAsIs,
    },
    async (request, reply) => reply.status(201).send(await app.lab.addTarget(request.body)),
  );

  app.patch(
    '/api/targets/:id',
    {
      schema: {
        tags: ['targets'],
        summary: "Change an embedded target's knobs and faults, all or nothing",
        params: TargetIdParams,
        querystring: ArmQuery,
        body: TargetKnobsPatchSchema,
        response: { 200: TargetSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
      serializerCompiler: serializeAsIs,
    },
    async (request) => app.lab.patchTarget(request.params.id, request.body, request.query.arm),
  );

  app.post(
    '/api/targets/:id/restart',
    {
      schema: {
        tags: ['targets'],
        summary: 'Drop every connection of an embedded target and listen again on the same port',
        params: TargetIdParams,
        querystring: ArmQuery,
        response: { 200: TargetSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
      serializerCompiler: serializeAsIs,
    },
    async (request) => app.lab.restartTarget(request.params.id, request.query.arm),
  );

  app.delete(
    '/api/targets/:id',
    {
      schema: {
        tags: ['targets'],
        summary: 'Remove a target; its connections close',
        params: TargetIdParams,
        response: { 204: Type.Null({ description: 'Removed' }), 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      await app.lab.removeTarget(request.params.id);
      return reply.status(204).send(null);
    },
  );
}
