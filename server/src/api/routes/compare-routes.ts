import { Type } from '@sinclair/typebox';
import { COMPARE_WINDOW_S } from '@poolscope/shared/compare';
import { LoadConfigPatchSchema } from '@poolscope/shared/load-config';
import { PoolConfigPatchSchema } from '@poolscope/shared/pool-config';
import type { TypedApp } from '../typed-app';
import { ErrorSchema } from './route-schemas';

const CompareBody = Type.Object(
  {
    b: Type.Optional(
      Type.Object(
        { pool: Type.Optional(PoolConfigPatchSchema), load: Type.Optional(LoadConfigPatchSchema) },
        { additionalProperties: false },
      ),
    ),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 0xffff_ffff, description: 'Seed of the shared load schedule (start only)' })),
  },
  { additionalProperties: false },
);

const CompareStateSchema = Type.Unknown({
  description:
    '{ running, a: { pool, load }, b: { pool, load } | null, diff: [{ scope, knob, a, b, label }], seed, startedAt, sharedTargetIds } (see docs/API.md)',
});
const CompareReportSchema = Type.Unknown({
  description:
    'The compare state plus { windowS, samples: { a, b }, summary: [{ metric, unit, a, b, delta, deltaPct, pValue, significant, better }] }',
});
const WindowQuery = Type.Object(
  {
    windowS: Type.Optional(
      Type.Integer({
        minimum: COMPARE_WINDOW_S.min,
        maximum: COMPARE_WINDOW_S.max,
        description: `Summary window in seconds (default ${COMPARE_WINDOW_S.default})`,
      }),
    ),
  },
  { additionalProperties: false },
);

/** Arm B beside the running lab (arm A): start, change, stop, keep, and the A/B table. */
export async function compareRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/compare',
    {
      schema: {
        tags: ['compare'],
        summary: "The comparison: both arms' configs, the knobs that differ and the A/B summary",
        querystring: WindowQuery,
        response: { 200: CompareReportSchema, 400: ErrorSchema },
      },
    },
    async (request) => app.lab.compare.report(request.query.windowS),
  );

  app.put(
    '/api/compare',
    {
      schema: {
        tags: ['compare'],
        summary: "Start (or restart) a comparison: B = A's pool and load config with `b` applied",
        description:
          '`b` is validated exactly like the body of PATCH /api/config: all or nothing, 400 listing every problem (paths under /b).',
        body: CompareBody,
        response: { 200: CompareStateSchema, 400: ErrorSchema },
      },
    },
    async (request) => app.lab.compare.start(request.body),
  );

  app.patch(
    '/api/compare/b',
    {
      schema: {
        tags: ['compare'],
        summary: 'Change arm B live, all or nothing',
        body: CompareBody,
        response: { 200: CompareStateSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => app.lab.compare.patch(request.body),
  );

  app.delete(
    '/api/compare',
    {
      schema: {
        tags: ['compare'],
        summary: "Stop the comparison: B's load, pool and cloned targets close",
        response: { 200: CompareStateSchema },
      },
    },
    async () => app.lab.compare.stop(),
  );

  app.post(
    '/api/compare/keep-b',
    {
      schema: {
        tags: ['compare'],
        summary: "A takes B's config; the comparison stops",
        response: { 200: CompareStateSchema, 409: ErrorSchema },
      },
    },
    async () => app.lab.compare.keepB(),
  );
}
