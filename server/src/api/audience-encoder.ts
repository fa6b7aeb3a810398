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

  /**
   * What a viewer joining now needs to decode the frames that follow: the keyframe they refer to
   * (the latest snapshot's own frame when it is one). The joining viewer gets the latest snapshot
   * itself as a plain `snapshot` (`sendJoiningAudience`).
   */
  keyframeFor(latest: Snapshot): AudienceFrame {
    const frame = this.encode(latest);
    return this.keyframe?.frame ?? frame;
  }
}

/** The two emits `sendJoiningAudience` makes, as a lab's or a relay's socket takes them. */
interface JoiningAudienceSocket {
  emit(event: 'snapshot', snapshot: Snapshot): unknown;
  emit(event: 'audience:frame', frame: AudienceFrame): unknown;
}

/**
 * An audience viewer joining (on the lab or on a relay) is sent the latest snapshot plain, once, so
 * its page draws the numbers without waiting for its inflater (a chunk of its own, fflate, which a
 * slowed phone spends ~0.3 s fetching, evaluating and running cold: docs/BENCHMARKS.md "First live
 * number, session 11"), then the keyframe the next frames refer to. ~8 KB once per join; the
 * steady stream is frames only.
 */
export function sendJoiningAudience(socket: JoiningAudienceSocket, encoder: AudienceEncoder, latest: Snapshot): void {
  socket.emit('snapshot', latest);
  socket.emit('audience:frame', encoder.keyframeFor(latest));
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
