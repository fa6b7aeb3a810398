import { FRAME_HEADER_BYTES } from './frame';
import { WireError, WIRE_ERROR_CODES } from './wire-error';

/**
 * Turns a byte stream back into frames. TCP keeps no message boundaries: one frame can
 * arrive over many reads (partial) and one read can carry many frames (sticky).
 * A declared length over `maxFrameBytes` fails the reader instead of buffering without bound.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private bufferedBytes = 0;
  private failure: WireError | null = null;

  constructor(readonly maxFrameBytes: number) {}

  /** The reason the reader stopped, or null while it is healthy. */
  get error(): WireError | null {
    return this.failure;
  }

  get pendingBytes(): number {
    return this.bufferedBytes;
  }

  /** Feed one read; returns the frames it completed (payloads only). Never throws. */
  push(chunk: Buffer): Buffer[] {
    if (this.failure !== null) return [];
    this.chunks.push(chunk);
    this.bufferedBytes += chunk.length;
    const frames: Buffer[] = [];
    while (this.bufferedBytes >= FRAME_HEADER_BYTES) {
      const payloadBytes = this.peekLength();
      if (payloadBytes > this.maxFrameBytes) {
        this.fail(payloadBytes);
        break;
      }
      if (this.bufferedBytes < FRAME_HEADER_BYTES + payloadBytes) break;
      frames.push(this.take(FRAME_HEADER_BYTES + payloadBytes).subarray(FRAME_HEADER_BYTES));
    }
    return frames;
  }

  /** Hand back whatever bytes are buffered (an incomplete frame) and start empty. */
  drain(): Buffer {
    const rest = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    this.chunks = [];
    this.bufferedBytes = 0;
    return rest ?? Buffer.alloc(0);
  }

  private peekLength(): number {
    const first = this.chunks[0]!;
    if (first.length >= FRAME_HEADER_BYTES) return first.readUInt32BE(0);
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.readUInt32BE(0);
  }

  /** Remove exactly `bytes` from the front, copying only when a frame spans chunks. */
  private take(bytes: number): Buffer {
    const first = this.chunks[0]!;
    let out: Buffer;
    if (first.length >= bytes) {
      out = first.subarray(0, bytes);
      if (first.length === bytes) this.chunks.shift();
      else this.chunks[0] = first.subarray(bytes);
    } else {
      const all = Buffer.concat(this.chunks);
      out = all.subarray(0, bytes);
      this.chunks = all.length > bytes ? [all.subarray(bytes)] : [];
    }
    this.bufferedBytes -= bytes;
    return out;
  }

  private fail(payloadBytes: number): void {
    this.failure = new WireError(
      WIRE_ERROR_CODES.frameTooLarge,
      `frame declares ${payloadBytes} bytes, over the ${this.maxFrameBytes}-byte limit`,
    );
    this.chunks = [];
    this.bufferedBytes = 0;
  }
}
