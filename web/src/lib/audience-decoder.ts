import { inflateSync } from 'fflate';
import type { AudienceFrame } from '@poolscope/shared/audience-stream';
import type { Snapshot } from '@poolscope/shared/snapshot';

// A chunk of its own with fflate: only the audience page loads it (live-connection.ts), so the
// dashboard's first load does not carry an inflater it never uses.

/**
 * Turns `audience:frame`s back into the snapshots they carry, byte for byte the JSON a full
 * viewer receives. It keeps the last keyframe: a frame that refers to another one (its keyframe
 * was dropped on a busy link) is skipped until the next keyframe, a second at most.
 */
export class AudienceDecoder {
  private keyframe: { seq: number; json: Uint8Array } | null = null;
  private readonly text = new TextDecoder();
  /** Frames that could not be decoded (keyframe missing, or corrupt bytes). */
  skipped = 0;

  decode(frame: AudienceFrame): Snapshot | null {
    const bytes = frame.deflated instanceof Uint8Array ? frame.deflated : new Uint8Array(frame.deflated);
    try {
      if (frame.key === frame.seq) {
        const json = inflateSync(bytes);
        this.keyframe = { seq: frame.seq, json };
        return JSON.parse(this.text.decode(json)) as Snapshot;
      }
      if (this.keyframe?.seq !== frame.key) {
        this.skipped += 1;
        return null;
      }
      return JSON.parse(this.text.decode(inflateSync(bytes, { dictionary: this.keyframe.json }))) as Snapshot;
    } catch {
      this.skipped += 1;
      return null;
    }
  }
}
