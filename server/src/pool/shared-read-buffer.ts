/**
 * The one buffer every pooled socket reads into (Node's `onread` option). Safe to share: Node
 * calls a socket's read callback right after each read into it, before any other read in the
 * process, and a link copies out whatever it keeps past the callback. The default 'data' path
 * allocated a 64 KB backing store per read, wrapped it in a new Buffer and ran the Readable
 * stream machinery: ~3.5 µs of client CPU per echo request in A-B runs (bench/, BENCHMARKS.md).
 */
const READ_BUFFER_BYTES = 64 * 1024;

let readBuffer: Buffer | null = null;

export function sharedReadBuffer(): Buffer {
  readBuffer ??= Buffer.allocUnsafe(READ_BUFFER_BYTES);
  return readBuffer;
}
