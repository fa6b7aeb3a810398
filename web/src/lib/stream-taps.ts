import type { LabEvent } from '@poolscope/shared/events';
import type { Snapshot } from '@poolscope/shared/snapshot';

/** Something that hears the stream exactly as received, beside the store (the recorder). */
export interface StreamTap {
  snapshot(snapshot: Snapshot): void;
  events(batch: LabEvent[]): void;
}

export const streamTaps = new Set<StreamTap>();
