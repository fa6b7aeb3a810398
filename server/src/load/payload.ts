/**
 * Request payload of the given size, made once per size and shared by every request: nothing
 * writes into it. Printable text on purpose: with `framing: none` the bare payload reaches the
 * echo server, and text never looks like a 4-byte length prefix, so a frame-aware echo server
 * treats it as the plain bytes it is.
 */
export function makePayload(payloadBytes: number): Buffer {
  return Buffer.alloc(payloadBytes, 'poolscope load payload ');
}
