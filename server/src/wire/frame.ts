/** Every frame starts with its payload length as a 4-byte big-endian unsigned integer. */
export const FRAME_HEADER_BYTES = 4;

export function encodeFrame(payload: Buffer): Buffer {
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.length);
  frame.writeUInt32BE(payload.length, 0);
  payload.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}
