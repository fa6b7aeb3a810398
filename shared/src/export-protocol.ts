import { Type, type Static } from '@sinclair/typebox';
import type { PoolConfigPatch } from './pool-config';

/**
 * "Take it to your pool": the lab's pool settings written in a real library's own format
 * (export), and a library's settings read back into a lab patch (import).
 */
export const POOL_LIBRARY_IDS = [
  'hikaricp',
  'pgxpool',
  'database-sql',
  'http-transport',
  'pg',
  'tarn',
  'knex',
  'generic-pool',
  'undici',
  'mysql2',
  'commons-pool2',
  'pgbouncer',
] as const;
export type PoolLibraryId = (typeof POOL_LIBRARY_IDS)[number];

/** The libraries whose own format the lab can read back. */
export const IMPORTABLE_LIBRARY_IDS = ['hikaricp', 'pgxpool', 'pg', 'tarn', 'knex', 'generic-pool', 'undici', 'mysql2'] as const;
export type ImportableLibraryId = (typeof IMPORTABLE_LIBRARY_IDS)[number];

export const EXPORT_FORMATS = ['properties', 'connection-string+go', 'go', 'json', 'java', 'ini'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** exact: same meaning and value; approximate: the message says how it differs; none: the message says what the library does instead. */
export const KNOB_MAPPINGS = ['exact', 'approximate', 'none'] as const;
export type KnobMapping = (typeof KNOB_MAPPINGS)[number];

export const LIBRARY_TITLES: Record<PoolLibraryId, string> = {
  hikaricp: 'HikariCP (Java)',
  pgxpool: 'pgxpool (Go, pgx v5)',
  'database-sql': 'database/sql (Go)',
  'http-transport': 'net/http Transport (Go)',
  pg: 'node-postgres pg.Pool',
  tarn: 'tarn.js',
  knex: 'knex (tarn pool)',
  'generic-pool': 'generic-pool',
  undici: 'undici Pool',
  mysql2: 'mysql2 pool',
  'commons-pool2': 'Apache Commons Pool 2',
  pgbouncer: 'PgBouncer',
};

export const KnobNoteSchema = Type.Object({
  knob: Type.String({ description: 'A lab pool knob, e.g. idleTimeoutMs' }),
  mapping: Type.Union(KNOB_MAPPINGS.map((m) => Type.Literal(m))),
  message: Type.String(),
});
export type KnobNote = Static<typeof KnobNoteSchema>;

export const EXPORT_SCALE_MAX = 1000;

export const ExportQuerySchema = Type.Object(
  {
    library: Type.String({ description: `One of: ${POOL_LIBRARY_IDS.join(', ')}` }),
    arm: Type.Optional(
      Type.Union([Type.Literal('a'), Type.Literal('b')], { description: "While comparing, which arm's config " + '(default a)' }),
    ),
    // A query string is text (and the lab's validator does not coerce): a whole number from 1 to EXPORT_SCALE_MAX.
    scale: Type.Optional(
      Type.String({
        pattern: '^[1-9][0-9]{0,3}$',
        description:
          `1 to ${EXPORT_SCALE_MAX}: multiply the lab-sized lifetimes (idle timeout, max lifetime, heartbeat, leak ` +
          `threshold) to production-sized ones`,
      }),
    ),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuerySchema>;

export const ExportResultSchema = Type.Object({
  library: Type.String(),
  format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))),
  text: Type.String(),
  notes: Type.Array(KnobNoteSchema),
});
export type ExportResult = Static<typeof ExportResultSchema>;

export const IMPORT_TEXT_MAX_CHARS = 32 * 1024;

export const ImportBodySchema = Type.Object(
  {
    library: Type.String({ description: `One of: ${IMPORTABLE_LIBRARY_IDS.join(', ')}` }),
    text: Type.String({ maxLength: IMPORT_TEXT_MAX_CHARS }),
  },
  { additionalProperties: false },
);
export type ImportBody = Static<typeof ImportBodySchema>;

/**
 * The patch as a plain object in responses: the pool schema's `default`s would make the response
 * serializer fill in every knob the import did not set, and applying that would reset them.
 */
const ImportedPatchSchema = Type.Unsafe<PoolConfigPatch>({
  type: 'object',
  additionalProperties: true,
  description: 'A partial pool config (the knobs the import set), ready for PATCH /api/config as { pool: patch }',
});

export const ImportResultSchema = Type.Object({
  library: Type.String(),
  patch: ImportedPatchSchema,
  notes: Type.Array(KnobNoteSchema),
});
export type ImportResult = Static<typeof ImportResultSchema>;
