import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFrame, FRAME_HEADER_BYTES } from '../../src/wire/frame';
import { FrameReader } from '../../src/wire/frame-reader';

const SEED = Number(process.env.POOLSCOPE_FUZZ_SEED ?? 6);
const payloads = fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 20 });

/** `bytes` cut at the given fractions into consecutive chunks (some of them empty). */
function chunk(bytes: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    chunks.push(bytes.subarray(from, point));
    from = point;
  }
  return chunks;
}

describe('FrameReader under fuzzing', () => {
  it('decodes any chunking of a valid frame stream to the same frames, with nothing left over', () => {
    fc.assert(fc.property(payloads, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (frames, cuts) => {
      const stream = Buffer.concat(frames.map((f) => encodeFrame(Buffer.from(f))));
      const reader = new FrameReader(300);
      const decoded = chunk(stream, cuts).flatMap((c) => reader.push(c));
      expect(decoded.map((f) => [...f])).toEqual(frames.map((f) => [...f]));
      expect(reader.error).toBeNull();
      expect(reader.pendingBytes).toBe(0);
    }), { numRuns: 300, seed: SEED });
  });

  it('never throws on arbitrary bytes, never buffers a frame past maxFrameBytes, and stays failed once failed', () => {
    const chunks = fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 30 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 64 }), chunks, (maxFrameBytes, input) => {
      const reader = new FrameReader(maxFrameBytes);
      let failed = false;
      for (const bytes of input) {
        const frames = reader.push(Buffer.from(bytes));
        for (const frame of frames) expect(frame.length).toBeLessThanOrEqual(maxFrameBytes);
        // A complete frame is always handed out, so what stays buffered is less than a header plus the largest frame.
        expect(reader.pendingBytes).toBeLessThan(FRAME_HEADER_BYTES + maxFrameBytes);
        if (failed) expect(frames).toEqual([]);
        if (reader.error) {
          expect(reader.error.code).toBe('WIRE_FRAME_TOO_LARGE');
          expect(reader.pendingBytes).toBe(0);
          failed = true;
        }
      }
    }), { numRuns: 500, seed: SEED });
  });

  it('hands out the valid frames before an oversized header, then fails instead of buffering the rest', () => {
    fc.assert(fc.property(payloads, fc.integer({ min: 301, max: 0xffffffff }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }), (frames, declared, cuts) => {
      const header = Buffer.alloc(FRAME_HEADER_BYTES);
      header.writeUInt32BE(declared, 0);
      const stream = Buffer.concat([...frames.map((f) => encodeFrame(Buffer.from(f))), header, Buffer.alloc(50, 7)]);
      const reader = new FrameReader(300);
      const decoded = chunk(stream, cuts).flatMap((c) => reader.push(c));
      expect(decoded.length).toBe(frames.length);
      expect(reader.error?.code).toBe('WIRE_FRAME_TOO_LARGE');
      expect(reader.pendingBytes).toBe(0);
    }), { numRuns: 200, seed: SEED });
  });
});
