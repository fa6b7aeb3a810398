/** The largest frame a pool may be configured to accept (PoolConfig.maxFrameBytes maximum). */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const HEADER_BYTES = 4;

/**
 * Cuts one connection's byte stream into units of work (one unit = one request served).
 *
 * The target is a plain byte echo: a unit is echoed verbatim, and units are echoed in order,
 * so the bytes a client gets back are always the bytes it sent. Frames only decide how the
 * bytes are grouped, so latency, workers, drops and garbling apply per request:
 * - while the stream parses as 4-byte big-endian length-prefixed frames, each whole frame is
 *   one unit, however many reads it came in and however many share a read;
 * - once a header declares more than MAX_FRAME_BYTES (text, random bytes: an unframed
 *   client), the connection switches to chunk mode for good and each read is one unit;
 * - `giveUp()` does the same for a partial frame that never completes (an unframed client
 *   whose bytes happened to look like a small length), so no byte waits forever.
 */
export class UnitSplitter {
  #chunkMode = false;
  #chunks: Buffer[] = [];
  #bytes = 0;
  /** Header plus payload of the frame being collected; -1 until its header is read. */
  #frameBytes = -1;

  get pendingBytes(): number {
    return this.#bytes;
  }

  get chunkMode(): boolean {
    return this.#chunkMode;
  }

  push(chunk: Buffer): Buffer[] {
    if (this.#chunkMode) return [chunk];
    this.#chunks.push(chunk);
    this.#bytes += chunk.length;
    const units: Buffer[] = [];
    while (this.#bytes >= HEADER_BYTES) {
      if (this.#frameBytes < 0 && !this.#readHeader()) {
        units.push(this.#takeAll());
        this.#chunkMode = true;
        break;
      }
      if (this.#bytes < this.#frameBytes) break;
      units.push(this.#takeFrame());
    }
    return units;
  }

  /** Give up on the partial frame: hand its bytes back as one unit and stay in chunk mode. */
  giveUp(): Buffer | null {
    this.#chunkMode = true;
    return this.#bytes > 0 ? this.#takeAll() : null;
  }

  /** False when the header declares an impossible length (the stream is not framed). */
  #readHeader(): boolean {
    if ((this.#chunks[0] as Buffer).length < HEADER_BYTES) this.#compact();
    const declaredBytes = (this.#chunks[0] as Buffer).readUInt32BE(0);
    if (declaredBytes > MAX_FRAME_BYTES) return false;
    this.#frameBytes = HEADER_BYTES + declaredBytes;
    return true;
  }

  #takeFrame(): Buffer {
    this.#compact();
    const all = this.#chunks[0] as Buffer;
    const frame = all.subarray(0, this.#frameBytes);
    const rest = all.subarray(this.#frameBytes);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#bytes = rest.length;
    this.#frameBytes = -1;
    return frame;
  }

  #takeAll(): Buffer {
    this.#compact();
    const all = this.#chunks[0] as Buffer;
    this.#chunks = [];
    this.#bytes = 0;
    this.#frameBytes = -1;
    return all;
  }

  /** Join the pending reads into one buffer, only when a frame is complete (no quadratic copying). */
  #compact(): void {
    if (this.#chunks.length > 1) this.#chunks = [Buffer.concat(this.#chunks, this.#bytes)];
  }
}
