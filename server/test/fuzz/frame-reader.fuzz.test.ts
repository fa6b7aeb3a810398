import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFrame, FRAME_HEADER_BYTES } from '../../src/wire/frame';
import { FrameReader } from '../../src/wire/frame-reader';
import { FUZZ_SEED as SEED } from '../test-support/arbitraries';
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

/**
 * The oracle: the wire format read straight from its definition (4-byte big-endian length, then
 * that many bytes), over the whole stream at once, by code that shares nothing with FrameReader.
 */
function referenceRead(stream: Uint8Array, maxFrameBytes: number): { frames: number[][]; failed: boolean; leftover: number } {
  const frames: number[][] = [];
  let at = 0;
  while (stream.length - at >= 4) {
    const declared = ((stream[at]! << 24) >>> 0) + (stream[at + 1]! << 16) + (stream[at + 2]! << 8) + stream[at + 3]!;
    if (declared > maxFrameBytes) return { frames, failed: true, leftover: 0 };
    if (stream.length - at - 4 < declared) break;
    frames.push([...stream.slice(at + 4, at + 4 + declared)]);
    at += 4 + declared;
  }
  return { frames, failed: false, leftover: stream.length - at };
}

/** A stream of well-formed frames (headers written by hand) mixed with stray bytes. */
const mixedStream = fc
  .array(
    fc.oneof(
      fc
        .uint8Array({ maxLength: 80 })
        .map((payload) => [
          payload.length >>> 24,
          (payload.length >>> 16) & 255,
          (payload.length >>> 8) & 255,
          payload.length & 255,
          ...payload,
        ]),
      fc.uint8Array({ maxLength: 6 }).map((bytes) => [...bytes]),
    ),
    { maxLength: 12 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

describe('FrameReader under fuzzing', () => {
  it('reads any chunking of any stream exactly as the reference reader reads it whole', () => {
    const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 });
    fc.assert(
      fc.property(mixedStream, fc.integer({ min: 0, max: 100 }), cuts, (stream, maxFrameBytes, at) => {
        const expected = referenceRead(stream, maxFrameBytes);
        const reader = new FrameReader(maxFrameBytes);
        const decoded = chunk(Buffer.from(stream), at).flatMap((c) => reader.push(c));
        expect(decoded.map((f) => [...f])).toEqual(expected.frames);
        expect(reader.error !== null).toBe(expected.failed);
        expect(reader.pendingBytes).toBe(expected.leftover);
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('decodes any chunking of a valid frame stream to the same frames, with nothing left over', () => {
    fc.assert(
      fc.property(payloads, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (frames, cuts) => {
        const stream = Buffer.concat(frames.map((f) => encodeFrame(Buffer.from(f))));
        const reader = new FrameReader(300);
        const decoded = chunk(stream, cuts).flatMap((c) => reader.push(c));
        expect(decoded.map((f) => [...f])).toEqual(frames.map((f) => [...f]));
        expect(reader.error).toBeNull();
        expect(reader.pendingBytes).toBe(0);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('never throws on arbitrary bytes, never buffers a frame past maxFrameBytes, and stays failed once failed', () => {
    const chunks = fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 30 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 64 }), chunks, (maxFrameBytes, input) => {
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
      }),
      { numRuns: 500, seed: SEED },
    );
  });

  it('hands out the valid frames before an oversized header, then fails instead of buffering the rest', () => {
    fc.assert(
      fc.property(
        payloads,
        fc.integer({ min: 301, max: 0xffffffff }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
        (frames, declared, cuts) => {
          const header = Buffer.alloc(FRAME_HEADER_BYTES);
          header.writeUInt32BE(declared, 0);
          const stream = Buffer.concat([...frames.map((f) => encodeFrame(Buffer.from(f))), header, Buffer.alloc(50, 7)]);
          const reader = new FrameReader(300);
          const decoded = chunk(stream, cuts).flatMap((c) => reader.push(c));
          expect(decoded.length).toBe(frames.length);
          expect(reader.error?.code).toBe('WIRE_FRAME_TOO_LARGE');
          expect(reader.pendingBytes).toBe(0);
        },
      ),
      { numRuns: 200, seed: SEED },
    );
  });
});
