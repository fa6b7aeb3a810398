import { Type } from '@sinclair/typebox';
import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';

export const ErrorSchema = Type.Object({
  code: Type.String({ description: 'Stable error code, e.g. INVALID_CONFIG; INTERNAL for the unexpected (500)' }),
  message: Type.String(),
  details: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
});

export const LabConfigSchema = Type.Object({ pool: PoolConfigSchema, load: LoadConfigSchema });

/** A target as in the snapshot's `targets` list (see docs/API.md). */
export const TargetSchema = Type.Unknown({ description: 'A target: { id, address, embedded, state, open, healthChecksFailed, dialFailures, requestsPerSec, lastError, knobs, server }' });
