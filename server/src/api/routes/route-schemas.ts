import { Type } from '@sinclair/typebox';
import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';
import { TargetSnapshotSchema } from '@poolscope/shared/snapshot-schema';

export const ErrorSchema = Type.Object({
  code: Type.String({ description: 'Stable error code, e.g. INVALID_CONFIG; INTERNAL for the unexpected (500)' }),
  message: Type.String(),
  details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
});

export const LabConfigSchema = Type.Object({ pool: PoolConfigSchema, load: LoadConfigSchema });

/** A target as in the snapshot's `targets` list (see docs/API.md). */
export const TargetSchema = TargetSnapshotSchema;

/**
 * For routes whose response schema is there for the OpenAPI page only: the body is sent as
 * JSON.stringify writes it, so a field the schema lacks is never dropped (fast-json-stringify,
 * Fastify's default, serializes only the fields a schema names). The schemas are checked against
 * live answers in server/test/api/response-schemas.test.ts.
 */
export const serializeAsIs = () => (data: unknown) => JSON.stringify(data);
