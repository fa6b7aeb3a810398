import { Buffer } from 'node:buffer';
import type { Framing } from '@poolscope/shared/load-config';
import { readUint32 } from './big-endian';
import {
  checkEchoReplyAt,
  copyOut,
  echoRequestBytes,
  encodeEchoRequestInto,
  matchEchoReply,
  matchEchoReplyAt,
  REQUEST_ID_BYTES,
} from './echo-request';
import { FRAME_HEADER_BYTES } from './frame';
import { FrameReader } from './frame-reader';
import { WireError, WIRE_ERROR_CODES } from './wire-error';

/** What a reply matcher makes of the bytes so far: the reply, a wire error, or "need more". */
export type MatchStep = Buffer | WireError | undefined;

const NO_BYTES = Buffer.alloc(0);

/**
 * Matches the reply to one outstanding echo request, fed the socket's reads in order.
 * `length-prefixed` reads whole frames and checks id and bytes; `none` is the naive client:
 * it takes the first read as the whole reply, so a payload larger than one read mismatches.
 *
 * A link keeps one matcher for its life and `begin`s it per request: a matcher, its leftover
 * list and its request frame made per request were three allocations on the echo hot path.
 */
export class ReplyMatcher {
  /** The bytes to send for the current request. */
  request: Buffer = NO_BYTES;
  /** Bytes that arrived after the reply (a sticky tail), kept so a probe can see them. */
  readonly leftover: Buffer[] = [];
  private framing: Framing = 'length-prefixed';
  private requestId = 0;
  private payload: Buffer = NO_BYTES;
  private maxFrameBytes = 0;
  /** Made on the first read that is not exactly one whole frame; most replies never need it. */
  private reader: FrameReader | null = null;
  /** The frame of an earlier request, written over when the next one is the same size. */
  private frame: Buffer = NO_BYTES;

  /** A matcher already begun, for one-off use. */
  static for(framing: Framing, requestId: number, payload: Buffer, maxFrameBytes: number): ReplyMatcher {
    const matcher = new ReplyMatcher();
    matcher.begin(framing, requestId, payload, maxFrameBytes, false);
    return matcher;
  }

  /**
   * Starts matching a new request and returns the bytes to send. `frameFree` says the previous
   * request's bytes are no longer needed (its reply came back whole): only then is the previous
   * frame written over, else a new one is made.
   */
  begin(framing: Framing, requestId: number, payload: Buffer, maxFrameBytes: number, frameFree: boolean): Buffer {
    this.framing = framing;
    this.requestId = requestId;
    this.payload = payload;
    this.maxFrameBytes = maxFrameBytes;
    this.reader = null;
    // Only when needed: setting an array's length goes through a runtime call.
    if (this.leftover.length > 0) this.leftover.length = 0;
    if (framing === 'none') {
      this.request = payload;
      return payload;
    }
    const bytes = echoRequestBytes(payload);
    if (!frameFree || this.frame.length !== bytes) this.frame = Buffer.allocUnsafe(bytes);
    this.request = encodeEchoRequestInto(this.frame, requestId, payload);
    return this.request;
  }

  feed(chunk: Buffer): MatchStep {
    if (this.framing === 'none') return chunk.equals(this.payload) ? chunk : badNakedReply(chunk.length, this.payload.length);
    // The common case, one read carrying exactly the reply frame: checked in place, no buffering.
    if (this.reader === null && this.isOneWholeFrame(chunk, chunk.length)) {
      return matchEchoReplyAt(this.requestId, this.payload, chunk, FRAME_HEADER_BYTES, chunk.length - FRAME_HEADER_BYTES);
    }
    this.reader ??= new FrameReader(this.maxFrameBytes);
    const frames = this.reader.push(chunk);
    if (this.reader.error !== null) return this.reader.error;
    const first = frames[0];
    if (first === undefined) return undefined;
    for (let i = 1; i < frames.length; i++) this.leftover.push(frames[i]!);
    if (this.reader.pendingBytes > 0) this.leftover.push(this.reader.drain());
    return matchEchoReply(this.requestId, this.payload, first);
  }

  /**
   * Fed a read that lies in a buffer every socket reads into (its first `length` bytes), valid
   * only during this call. One whole reply frame, the common case, is checked in place and only
   * its echoed bytes are copied out; any other read (partial, sticky, unframed) is copied whole
   * and fed as usual, since the matcher may keep it.
   */
  feedShared(shared: Buffer, length: number): MatchStep {
    if (this.framing !== 'none' && this.reader === null && this.isOneWholeFrame(shared, length)) {
      return (
        checkEchoReplyAt(this.requestId, this.payload, shared, FRAME_HEADER_BYTES, length - FRAME_HEADER_BYTES) ??
        copyOut(shared, FRAME_HEADER_BYTES + REQUEST_ID_BYTES, length)
      );
    }
    return this.feed(copyOut(shared, 0, length));
  }

  /** Do the first `length` bytes of `bytes` hold exactly one frame? */
  private isOneWholeFrame(bytes: Buffer, length: number): boolean {
    if (length < FRAME_HEADER_BYTES) return false;
    const payloadBytes = readUint32(bytes, 0);
    return payloadBytes <= this.maxFrameBytes && payloadBytes === length - FRAME_HEADER_BYTES;
  }
}

/**
 * True for a reply, false for a wire error. An instance-type check: `instanceof WireError`
 * on a Buffer walked its prototype chain and looked Symbol.hasInstance up through Error on
 * every reply (~0.4 µs per request in profiles).
 */
export function isReply(step: Buffer | WireError): step is Buffer {
  return ArrayBuffer.isView(step);
}

function badNakedReply(gotBytes: number, sentBytes: number): WireError {
  return new WireError(WIRE_ERROR_CODES.badReply, `unframed reply: first read returned ${gotBytes} bytes for a ${sentBytes}-byte request`);
}
