import { POOL_LIBRARY_IDS, type ExportResult, type ImportResult, type PoolLibraryId } from '@poolscope/shared/export-protocol';
import type { LabConfig } from '@poolscope/shared/protocol';
import { commonsPool2 } from './commons-pool2';
import { genericPool } from './generic-pool';
import { databaseSql, httpTransport } from './go-stdlib';
import { hikaricp } from './hikaricp';
import { mysql2 } from './mysql2';
import { pg } from './pg';
import { pgbouncer } from './pgbouncer';
import { pgxpool } from './pgxpool';
import type { PoolLibrary } from './pool-library';
import { scaleLifetimes, SCALED_KNOBS } from './scale';
import { knex, tarn } from './tarn';
import { undici } from './undici';

export const POOL_LIBRARIES: Record<PoolLibraryId, PoolLibrary> = {
  hikaricp,
  pgxpool,
  'database-sql': databaseSql,
  'http-transport': httpTransport,
  pg,
  tarn,
  knex,
  'generic-pool': genericPool,
  undici,
  mysql2,
  'commons-pool2': commonsPool2,
  pgbouncer,
};

export const isPoolLibraryId = (id: string): id is PoolLibraryId => (POOL_LIBRARY_IDS as readonly string[]).includes(id);

/**
 * Pure: a lab config (either arm's, while comparing) written for one library. Only the pool half
 * maps; the load half is the caller's traffic, which no pool library configures.
 */
export function exportConfig(library: PoolLibraryId, config: Pick<LabConfig, 'pool'>, options: { scale?: number } = {}): ExportResult {
  const scale = options.scale ?? 1;
  const { text, notes } = POOL_LIBRARIES[library].exportPool(scaleLifetimes(config.pool, scale));
  const scaledNotes =
    scale === 1
      ? notes
      : notes.map((note) =>
          (SCALED_KNOBS as readonly string[]).includes(note.knob)
            ? {
                ...note,
                message:
                  `${note.message} (Scaled ×${scale} from the lab's ` + `${config.pool[note.knob as (typeof SCALED_KNOBS)[number]]} ms.)`,
              }
            : note,
        );
  return { library, format: POOL_LIBRARIES[library].format, text, notes: scaledNotes };
}

/** Throws ImportParseError for text that is not the library's format. */
export function importText(library: PoolLibraryId, text: string): ImportResult {
  const importer = POOL_LIBRARIES[library].importText;
  if (!importer) throw new Error(`${library} cannot be imported`);
  return { library, ...importer(text) };
}
