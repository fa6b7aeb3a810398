import { FRAME_HEADER_BYTES } from './frame';
import { WireError, WIRE_ERROR_CODES } from './wire-error';

/** An echo request is a frame whose payload is an 8-byte request id, then the request bytes. */
export const REQUEST_ID_BYTES = 8;

const TWO_TO_32 = 2 ** 32;

/** One allocation for header, id and payload: this runs once per request. */
export function encodeEchoRequest(requestId: number, payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + REQUEST_ID_BYTES + payload.length);
  frame.writeUInt32BE(REQUEST_ID_BYTES + payload.length, 0);
  frame.writeUInt32BE(Math.floor(requestId / TWO_TO_32), FRAME_HEADER_BYTES);
  frame.writeUInt32BE(requestId % TWO_TO_32, FRAME_HEADER_BYTES + 4);
  payload.copy(frame, FRAME_HEADER_BYTES + REQUEST_ID_BYTES);
  return frame;
}

export function readRequestId(framePayload: Buffer): number {
  return framePayload.readUInt32BE(0) * TWO_TO_32 + framePayload.readUInt32BE(4);
}

/**
 * Checks a reply frame's payload against the request it answers. Returns the echoed bytes,
 * or a WIRE_BAD_REPLY error that says what differed.
 */
export function matchEchoReply(requestId: number, payload: Buffer, framePayload: Buffer): Buffer | WireError {
  if (framePayload.length !== REQUEST_ID_BYTES + payload.length) {
    return badReply(`reply carries ${framePayload.length - REQUEST_ID_BYTES} payload bytes, expected ${payload.length}`);
  }
  const replyId = readRequestId(framePayload);
  if (replyId !== requestId) return badReply(`reply id ${replyId} does not match request id ${requestId}`);
  const echoed = framePayload.subarray(REQUEST_ID_BYTES);
  if (!echoed.equals(payload)) return badReply(`reply bytes differ from request ${requestId}`);
  return echoed;
}

function badReply(message: string): WireError {
  return new WireError(WIRE_ERROR_CODES.badReply, message);
}
