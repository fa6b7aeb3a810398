import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, UnitSplitter } from './unit-splitter';
import { frameOf } from './test-support/test-client';

describe('UnitSplitter', () => {
  it('cuts sticky frames arriving in one read into one unit each', () => {
    const a = frameOf(Buffer.from('first'));
    const b = frameOf(Buffer.from('second'));
    expect(new UnitSplitter().push(Buffer.concat([a, b]))).toEqual([a, b]);
  });

  it('joins a frame split across reads, header included, into one unit', () => {
    const splitter = new UnitSplitter();
    const frame = frameOf(Buffer.alloc(1000, 7));
    expect(splitter.push(frame.subarray(0, 2))).toEqual([]);
    expect(splitter.push(frame.subarray(2, 500))).toEqual([]);
    expect(splitter.pendingBytes).toBe(500);
    expect(splitter.push(frame.subarray(500))).toEqual([frame]);
    expect(splitter.pendingBytes).toBe(0);
  });

  it('treats an empty frame as a unit of its own', () => {
    const empty = frameOf(Buffer.alloc(0));
    expect(new UnitSplitter().push(Buffer.concat([empty, empty]))).toEqual([empty, empty]);
  });

  it('switches to one unit per read for good when a header declares more than MAX_FRAME_BYTES', () => {
    const splitter = new UnitSplitter();
    const text = Buffer.from('hello, plain echo');
    expect(text.readUInt32BE(0)).toBeGreaterThan(MAX_FRAME_BYTES);
    expect(splitter.push(text)).toEqual([text]);
    expect(splitter.chunkMode).toBe(true);
    const looksFramed = frameOf(Buffer.from('x'));
    expect(splitter.push(looksFramed)).toEqual([looksFramed]);
  });

  it('falls back to chunks mid-stream, returning the buffered bytes whole', () => {
    const splitter = new UnitSplitter();
    const frame = frameOf(Buffer.from('ok'));
    const junk = Buffer.from('junk that is not a frame');
    expect(splitter.push(Buffer.concat([frame, junk]))).toEqual([frame, junk]);
    expect(splitter.chunkMode).toBe(true);
  });

  it('giveUp hands back a partial frame that never completes and stays in chunk mode', () => {
    const splitter = new UnitSplitter();
    const looksLikeHeader = Buffer.from([0, 0, 1, 0, 1, 2, 3]); // declares 256 bytes, sends 3
    expect(splitter.push(looksLikeHeader)).toEqual([]);
    expect(splitter.giveUp()).toEqual(looksLikeHeader);
    expect(splitter.push(Buffer.from([0, 0, 0, 9]))).toEqual([Buffer.from([0, 0, 0, 9])]);
    expect(splitter.giveUp()).toBeNull();
  });
});
