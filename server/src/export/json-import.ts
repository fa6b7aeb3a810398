import { ImportPatch } from './import-patch';
import { parseJsonOptions, requireBoolean, requireNumber } from './text-formats';

export type JsonImporter = (patch: ImportPatch, read: OptionReader) => void;

export interface OptionReader {
  number(): number;
  boolean(): boolean;
  /** null for JSON null: several libraries use it for "unlimited". */
  raw(): unknown;
}

/**
 * Reads a JSON options object with one importer per option the lab understands; other options
 * are noted as having no lab knob. A known option with a value of the wrong kind is a parse error
 * that names its line.
 */
export function importJsonOptions(text: string, importers: Record<string, JsonImporter>) {
  const { options, lineOf } = parseJsonOptions(text);
  const patch = new ImportPatch();
  for (const [key, value] of Object.entries(options)) {
    const importer = importers[key];
    if (!importer) {
      patch.note(key, 'none', `${key} has no lab knob; ignored.`);
      continue;
    }
    const line = lineOf(key);
    importer(patch, {
      number: () => requireNumber(value, key, line),
      boolean: () => requireBoolean(value, key, line),
      raw: () => value,
    });
  }
  return patch.result();
}

export const jsonText = (options: Record<string, unknown>): string => `${JSON.stringify(options, null, 2)}\n`;
