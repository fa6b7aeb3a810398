import { describe, expect, it } from 'vitest';
import { encodeFrame } from './frame';
import { FrameReader } from './frame-reader';

const text = (frames: Buffer[]) => frames.map((f) => f.toString());

describe('FrameReader', () => {
  it('assembles a frame delivered one byte per read (partial reads)', () => {
    const reader = new FrameReader(1024);
    const bytes = encodeFrame(Buffer.from('hello'));
    const frames: Buffer[] = [];
    for (const byte of bytes) frames.push(...reader.push(Buffer.from([byte])));
    expect(text(frames)).toEqual(['hello']);
    expect(reader.pendingBytes).toBe(0);
  });

  it('splits many frames delivered in one read (sticky reads), keeping the trailing partial one', () => {
    const reader = new FrameReader(1024);
    const third = encodeFrame(Buffer.from('third'));
    const sticky = Buffer.concat([encodeFrame(Buffer.from('one')), encodeFrame(Buffer.alloc(0)), third.subarray(0, 6)]);
    expect(text(reader.push(sticky))).toEqual(['one', '']);
    expect(reader.pendingBytes).toBe(6);
    expect(text(reader.push(third.subarray(6)))).toEqual(['third']);
  });

  it('handles a header split across reads and a frame spanning three chunks', () => {
    const reader = new FrameReader(1024);
    const frame = encodeFrame(Buffer.from('abcdefghij'));
    expect(reader.push(frame.subarray(0, 2))).toEqual([]);
    expect(reader.push(frame.subarray(2, 7))).toEqual([]);
    expect(text(reader.push(frame.subarray(7)))).toEqual(['abcdefghij']);
  });

  it('fails with WIRE_FRAME_TOO_LARGE on an oversized declared length without throwing or buffering', () => {
    const reader = new FrameReader(1024);
    const header = Buffer.alloc(4);
    header.writeUInt32BE(1025);
    expect(() => reader.push(Buffer.concat([header, Buffer.alloc(100)]))).not.toThrow();
    expect(reader.error?.code).toBe('WIRE_FRAME_TOO_LARGE');
    expect(reader.error?.message).toContain('1025');
    expect(reader.push(Buffer.alloc(5000))).toEqual([]);
    expect(reader.pendingBytes).toBe(0);
  });

  it('accepts a frame of exactly maxFrameBytes', () => {
    const reader = new FrameReader(1024);
    expect(reader.push(encodeFrame(Buffer.alloc(1024, 7)))[0]?.length).toBe(1024);
    expect(reader.error).toBeNull();
  });

  it('drains the buffered bytes of an incomplete frame', () => {
    const reader = new FrameReader(1024);
    reader.push(encodeFrame(Buffer.from('abc')).subarray(0, 5));
    expect(reader.drain().length).toBe(5);
    expect(reader.pendingBytes).toBe(0);
  });
});
