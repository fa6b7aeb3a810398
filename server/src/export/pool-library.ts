import type { ExportFormat, KnobNote, PoolLibraryId } from '@poolscope/shared/export-protocol';
import type { PoolConfig, PoolConfigPatch } from '@poolscope/shared/pool-config';

export interface LibraryText {
  text: string;
  notes: KnobNote[];
}
export interface LibraryImport {
  patch: PoolConfigPatch;
  notes: KnobNote[];
}

/** One real pool library: how the lab's pool config is written in its format, and (where it can be) read back. */
export interface PoolLibrary {
  id: PoolLibraryId;
  title: string;
  format: ExportFormat;
  /** Pure: the same config always gives the same text and notes. */
  exportPool(pool: PoolConfig): LibraryText;
  /** Throws ImportParseError for text that is not this library's format. */
  importText?(text: string): LibraryImport;
}

/** The lab's 0 means unlimited; libraries without an unlimited get the lab's own largest value. */
export const LARGEST_MAX_OPEN = 5000;

export function maxOpenOrLargest(maxOpen: number): number {
  return maxOpen === 0 ? LARGEST_MAX_OPEN : maxOpen;
}

export const noUnlimitedMessage = (title: string, option: string) =>
  `The lab's 0 means unlimited; ${title} has no unlimited ${option}, so the export writes ${LARGEST_MAX_OPEN} (the lab's largest).`;
