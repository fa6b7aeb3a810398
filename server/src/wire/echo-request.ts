import { Buffer } from 'node:buffer';
import { readUint32, writeUint32 } from './big-endian';
import { FRAME_HEADER_BYTES } from './frame';
import { WireError, WIRE_ERROR_CODES } from './wire-error';

/** An echo request is a frame whose payload is an 8-byte request id, then the request bytes. */
export const REQUEST_ID_BYTES = 8;

const TWO_TO_32 = 2 ** 32;

/** One allocation for header, id and payload: this runs once per request. */
export function encodeEchoRequest(requestId: number, payload: Buffer): Buffer {
  return encodeEchoRequestInto(Buffer.allocUnsafe(echoRequestBytes(payload)), requestId, payload);
}

export function echoRequestBytes(payload: Buffer): number {
  return FRAME_HEADER_BYTES + REQUEST_ID_BYTES + payload.length;
}

/** Writes the request into `frame`, which is exactly echoRequestBytes(payload) long. */
export function encodeEchoRequestInto(frame: Buffer, requestId: number, payload: Buffer): Buffer {
  writeUint32(frame, 0, REQUEST_ID_BYTES + payload.length);
  writeUint32(frame, FRAME_HEADER_BYTES, Math.floor(requestId / TWO_TO_32));
  writeUint32(frame, FRAME_HEADER_BYTES + 4, requestId % TWO_TO_32);
  copyBytes(payload, frame, FRAME_HEADER_BYTES + REQUEST_ID_BYTES);
  return frame;
}

/**
 * Payloads up to this size are copied and compared byte by byte in JavaScript: for a few dozen
 * bytes, the native `set` and `compare` cost more in argument checks and the call into C++
 * (~300 and ~500 instructions per request in callgrind) than the bytes themselves.
 */
const SMALL_PAYLOAD_BYTES = 64;

function copyBytes(source: Buffer, target: Buffer, targetStart: number): void {
  copyRange(source, 0, source.length, target, targetStart);
}

/** source[sourceStart, sourceEnd) into target at targetStart; small ranges byte by byte (see above). */
function copyRange(source: Buffer, sourceStart: number, sourceEnd: number, target: Buffer, targetStart: number): void {
  if (sourceEnd - sourceStart > SMALL_PAYLOAD_BYTES) {
    // set, not source.copy: copy goes through more JavaScript to reach the same memcpy.
    target.set(source.subarray(sourceStart, sourceEnd), targetStart);
    return;
  }
  for (let i = sourceStart; i < sourceEnd; i++) target[targetStart + i - sourceStart] = source[i]!;
}

function sameBytes(expected: Buffer, bytes: Buffer, start: number): boolean {
  if (expected.length > SMALL_PAYLOAD_BYTES) return bytes.compare(expected, 0, expected.length, start, start + expected.length) === 0;
  for (let i = 0; i < expected.length; i++) if (bytes[start + i] !== expected[i]) return false;
  return true;
}

/** The request id of a frame payload that starts at `offset` in `bytes`. */
export function readRequestId(bytes: Buffer, offset = 0): number {
  return readUint32(bytes, offset) * TWO_TO_32 + readUint32(bytes, offset + 4);
}

/**
 * Checks a reply frame's payload against the request it answers. Returns the echoed bytes,
 * or a WIRE_BAD_REPLY error that says what differed.
 */
export function matchEchoReply(requestId: number, payload: Buffer, framePayload: Buffer): Buffer | WireError {
  return matchEchoReplyAt(requestId, payload, framePayload, 0, framePayload.length);
}

/**
 * The same check on a frame payload of `payloadBytes` starting at `offset` in `bytes`, in
 * place: this runs once per request, and every Buffer view costs a typed-array allocation, so
 * the id is read and the bytes compared where they lie and only the echoed bytes get a view.
 */
export function matchEchoReplyAt(
  requestId: number,
  payload: Buffer,
  bytes: Buffer,
  offset: number,
  payloadBytes: number,
): Buffer | WireError {
  return (
    checkEchoReplyAt(requestId, payload, bytes, offset, payloadBytes) ?? bytes.subarray(offset + REQUEST_ID_BYTES, offset + payloadBytes)
  );
}

/**
 * The check alone: null when the frame payload at `offset` answers the request, else the
 * WIRE_BAD_REPLY error that says what differed. For bytes that are not ours to keep (a read
 * buffer shared by every socket), the caller copies the echoed bytes out itself.
 */
export function checkEchoReplyAt(
  requestId: number,
  payload: Buffer,
  bytes: Buffer,
  offset: number,
  payloadBytes: number,
): WireError | null {
  if (payloadBytes !== REQUEST_ID_BYTES + payload.length) {
    return badReply(`reply carries ${payloadBytes - REQUEST_ID_BYTES} payload bytes, expected ${payload.length}`);
  }
  const replyId = readRequestId(bytes, offset);
  if (replyId !== requestId) return badReply(`reply id ${replyId} does not match request id ${requestId}`);
  if (!sameBytes(payload, bytes, offset + REQUEST_ID_BYTES)) return badReply(`reply bytes differ from request ${requestId}`);
  return null;
}

/** A new Buffer holding bytes[start, end): the one allocation a reply read in place needs. */
export function copyOut(bytes: Buffer, start: number, end: number): Buffer {
  const copy = Buffer.allocUnsafe(end - start);
  copyRange(bytes, start, end, copy, 0);
  return copy;
}

function badReply(message: string): WireError {
  return new WireError(WIRE_ERROR_CODES.badReply, message);
}
