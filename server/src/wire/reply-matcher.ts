import type { Framing } from '@poolscope/shared/load-config';
import { encodeEchoRequest, matchEchoReply } from './echo-request';
import { FrameReader } from './frame-reader';
import { WireError, WIRE_ERROR_CODES } from './wire-error';

/** What a reply matcher makes of the bytes so far: the reply, a wire error, or "need more". */
export type MatchStep = Buffer | WireError | undefined;

/**
 * Matches the reply to one outstanding echo request, fed the socket's reads in order.
 * `length-prefixed` reads whole frames and checks id and bytes; `none` is the naive client:
 * it takes the first read as the whole reply, so a payload larger than one read mismatches.
 */
export class ReplyMatcher {
  readonly request: Buffer;
  private readonly reader: FrameReader | null;
  /** Bytes that arrived after the reply (a sticky tail), kept so a probe can see them. */
  leftover: Buffer[] = [];

  constructor(readonly framing: Framing, private readonly requestId: number, private readonly payload: Buffer, maxFrameBytes: number) {
    this.request = framing === 'none' ? payload : encodeEchoRequest(requestId, payload);
    this.reader = framing === 'none' ? null : new FrameReader(maxFrameBytes);
  }

  feed(chunk: Buffer): MatchStep {
    if (this.reader === null) return chunk.equals(this.payload) ? chunk : badNakedReply(chunk.length, this.payload.length);
    const frames = this.reader.push(chunk);
    if (this.reader.error !== null) return this.reader.error;
    const first = frames[0];
    if (first === undefined) return undefined;
    for (let i = 1; i < frames.length; i++) this.leftover.push(frames[i]!);
    if (this.reader.pendingBytes > 0) this.leftover.push(this.reader.drain());
    return matchEchoReply(this.requestId, this.payload, first);
  }
}

function badNakedReply(gotBytes: number, sentBytes: number): WireError {
  return new WireError(WIRE_ERROR_CODES.badReply, `unframed reply: first read returned ${gotBytes} bytes for a ${sentBytes}-byte request`);
}
