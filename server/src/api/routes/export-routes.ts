import {
  EXPORT_SCALE_MAX,
  ExportQuerySchema,
  ExportResultSchema,
  IMPORTABLE_LIBRARY_IDS,
  ImportBodySchema,
  ImportResultSchema,
  POOL_LIBRARY_IDS,
  type PoolLibraryId,
} from '@poolscope/shared/export-protocol';
import { exportConfig, importText, isPoolLibraryId } from '../../export/library-registry';
import { ImportParseError } from '../../export/import-parse-error';
import { LabError } from '../../lab/lab-error';
import type { TypedApp } from '../typed-app';
import { ErrorSchema } from './route-schemas';

/** "Take it to your pool": the current pool config in a real library's format, and a library's settings read back as a lab patch. */
export async function exportRoutes(app: TypedApp): Promise<void> {
  app.get(
    '/api/export',
    {
      schema: {
        tags: ['export'],
        summary: 'The current pool config as settings for a real pool library',
        description:
          `library: ${POOL_LIBRARY_IDS.join(', ')}. Every lab pool knob gets a note: exact, approximate (how it ` +
          `differs) or none (what the library does instead).`,
        querystring: ExportQuerySchema,
        response: { 200: ExportResultSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { library, arm, scale } = request.query;
      const id = knownLibrary(library, POOL_LIBRARY_IDS);
      const factor = scale === undefined ? 1 : Number(scale);
      if (factor > EXPORT_SCALE_MAX) {
        throw new LabError('INVALID_REQUEST', `scale must be 1 to ${EXPORT_SCALE_MAX}, got ` + `${factor}`, 400, [
          { path: '/scale', message: `at most ${EXPORT_SCALE_MAX}` },
        ]);
      }
      // Arm B exists only while a comparison runs.
      if (arm === 'b') {
        const armB = app.lab.compare.state().b;
        if (!armB)
          throw new LabError(
            'NO_COMPARISON',
            "arm=b exports the comparison's second pool, and no comparison is running: leave arm out",
            409,
          );
        return exportConfig(id, armB, { scale: factor });
      }
      return exportConfig(id, app.lab.config(), { scale: factor });
    },
  );

  app.post(
    '/api/import',
    {
      schema: {
        tags: ['export'],
        summary: "Read a pool library's settings back as a lab patch (not applied)",
        description:
          `library: ${IMPORTABLE_LIBRARY_IDS.join(', ')}. Answers { patch, notes }; send the patch to PATCH ` +
          `/api/config to apply it. Text that does not parse is a 400 naming the line.`,
        body: ImportBodySchema,
        response: { 200: ImportResultSchema, 400: ErrorSchema },
      },
    },
    async (request) => {
      const { library, text } = request.body;
      const id = knownLibrary(library, IMPORTABLE_LIBRARY_IDS);
      try {
        return importText(id, text);
      } catch (error) {
        if (!(error instanceof ImportParseError)) throw error;
        throw new LabError(
          'IMPORT_PARSE_FAILED',
          `${library} text does not parse, nothing imported: line ${error.line}: ` + `${error.reason}`,
          400,
          [{ path: `/text/line/${error.line}`, message: error.reason }],
        );
      }
    },
  );
}

function knownLibrary(library: string, valid: readonly string[]): PoolLibraryId {
  if (isPoolLibraryId(library) && valid.includes(library)) return library;
  const message = `unknown library "${library}"; valid: ${valid.join(', ')}`;
  throw new LabError('UNKNOWN_LIBRARY', message, 400, [{ path: '/library', message }]);
}
