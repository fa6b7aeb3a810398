/**
 * The audience stream (docs/API.md "Audience stream"): a viewer that asks for it in its Socket.IO
 * handshake (`query: { stream: 'audience' }`) receives `audience:frame` instead of `snapshot`, the
 * same snapshots in about a tenth of the bytes, so a class of phones fits on shared Wi-Fi.
 * Every other viewer keeps receiving full snapshots.
 */
export const AUDIENCE_STREAM_QUERY_KEY = 'stream';
export const AUDIENCE_STREAM_QUERY_VALUE = 'audience';

/**
 * One snapshot's JSON (exactly what `snapshot` would carry), raw-deflated (RFC 1951). A keyframe
 * (`key === seq`) stands alone; any other frame was deflated with keyframe `key`'s JSON as the
 * preset dictionary, so it holds little more than what changed since that keyframe. A viewer that
 * lacks keyframe `key` (a dropped volatile frame) skips frames until the next keyframe.
 */
export interface AudienceFrame {
  seq: number;
  key: number;
  /** A Buffer from Node, an ArrayBuffer in the browser. */
  deflated: Uint8Array | ArrayBuffer;
}
