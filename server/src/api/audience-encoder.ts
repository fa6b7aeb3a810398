import { deflateRawSync } from 'node:zlib';
import type { AudienceFrame } from '@poolscope/shared/audience-stream';
import { AUDIENCE_STREAM_QUERY_KEY, AUDIENCE_STREAM_QUERY_VALUE } from '@poolscope/shared/audience-stream';
import type { Snapshot } from '@poolscope/shared/snapshot';

/** Every audience socket also joins this room: the full stream goes to everyone except it, on the lab and on relays. */
export const AUDIENCE_ROOM = 'audience';
/** One keyframe a second at 10 Hz: a viewer that lost one waits at most this many ticks to resync. */
export const KEYFRAME_EVERY_TICKS = 10;

/**
 * Encodes each tick once for every audience viewer (docs/SCALE-OUT.md "The audience stream"):
 * the cost is one JSON.stringify and one deflate per tick whatever the number of viewers, who all
 * receive the same bytes, unlike per-socket compression (permessage-deflate), which deflates
 * once per viewer. Frames are deltas against the last keyframe rather than the previous frame,
 * so a dropped volatile frame costs only itself.
 */
export class AudienceEncoder {
  private keyframe: { frame: AudienceFrame; json: Buffer } | null = null;
  private last: AudienceFrame | null = null;

  constructor(readonly keyframeEveryTicks = KEYFRAME_EVERY_TICKS) {}

  /** The frame for this snapshot; asked twice for one seq (lab viewers and the Redis publish), it encodes once. */
  encode(snapshot: Snapshot): AudienceFrame {
    if (this.last?.seq === snapshot.seq) return this.last;
    const json = Buffer.from(JSON.stringify(snapshot));
    const base = this.keyframe;
    // A seq going backwards means a new lab behind the same encoder: start over from a keyframe.
    if (!base || snapshot.seq - base.frame.seq >= this.keyframeEveryTicks || snapshot.seq < base.frame.seq) {
      const frame = { seq: snapshot.seq, key: snapshot.seq, deflated: deflateRawSync(json) };
      this.keyframe = { frame, json };
      this.last = frame;
    } else {
      this.last = { seq: snapshot.seq, key: base.frame.seq, deflated: deflateRawSync(json, { dictionary: base.json }) };
    }
    return this.last;
  }

  /** What a viewer joining now is sent first: the keyframe the next frames refer to, then the latest frame. */
  joining(latest: Snapshot): AudienceFrame[] {
    const frame = this.encode(latest);
    const keyframe = this.keyframe?.frame;
    return keyframe && keyframe !== frame ? [keyframe, frame] : [frame];
  }
}

const encoders = new WeakMap<object, AudienceEncoder>();

/** One encoder per lab, shared by its own gateway and its Redis publisher, so a tick is deflated once. */
export function audienceEncoderFor(lab: object): AudienceEncoder {
  let encoder = encoders.get(lab);
  if (!encoder) encoders.set(lab, (encoder = new AudienceEncoder()));
  return encoder;
}

/** Did this socket ask for the audience stream in its handshake? */
export function wantsAudienceStream(query: Record<string, unknown>): boolean {
  return query[AUDIENCE_STREAM_QUERY_KEY] === AUDIENCE_STREAM_QUERY_VALUE;
}
