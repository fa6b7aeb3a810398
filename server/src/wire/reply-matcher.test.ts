import { describe, expect, it } from 'vitest';
import { ReplyMatcher } from './reply-matcher';
import { WireError } from './wire-error';

describe('ReplyMatcher', () => {
  it('length-prefixed: waits for the whole frame over several reads, then returns the payload', () => {
    const matcher = ReplyMatcher.for('length-prefixed', 3, Buffer.from('hello world'), 1024);
    const echo = matcher.request;
    expect(matcher.feed(echo.subarray(0, 5))).toBeUndefined();
    expect(matcher.feed(echo.subarray(5, 9))).toBeUndefined();
    expect(matcher.feed(echo.subarray(9))?.toString()).toBe('hello world');
  });

  it('length-prefixed: keeps bytes stuck behind the reply as leftover', () => {
    const matcher = ReplyMatcher.for('length-prefixed', 3, Buffer.from('hi'), 1024);
    const reply = matcher.feed(Buffer.concat([matcher.request, Buffer.from([0, 0])]));
    expect(reply?.toString()).toBe('hi');
    expect(Buffer.concat(matcher.leftover).length).toBe(2);
  });

  it('length-prefixed: a reply with another id in one whole read is WIRE_BAD_REPLY', () => {
    const other = ReplyMatcher.for('length-prefixed', 4, Buffer.from('hi'), 1024).request;
    const step = ReplyMatcher.for('length-prefixed', 3, Buffer.from('hi'), 1024).feed(other);
    expect(step instanceof WireError && step.code).toBe('WIRE_BAD_REPLY');
  });

  it('length-prefixed: one whole frame over maxFrameBytes in one read is WIRE_FRAME_TOO_LARGE', () => {
    const matcher = ReplyMatcher.for('length-prefixed', 1, Buffer.alloc(2000), 1024);
    const step = matcher.feed(matcher.request);
    expect(step instanceof WireError && step.code).toBe('WIRE_FRAME_TOO_LARGE');
  });

  it('length-prefixed: an oversized declared length gives WIRE_FRAME_TOO_LARGE', () => {
    const matcher = ReplyMatcher.for('length-prefixed', 1, Buffer.from('x'), 1024);
    const step = matcher.feed(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(step instanceof WireError && step.code).toBe('WIRE_FRAME_TOO_LARGE');
  });

  it('none: takes the first read as the reply, so a split reply is a WIRE_BAD_REPLY', () => {
    const payload = Buffer.alloc(200 * 1024, 1);
    const matcher = ReplyMatcher.for('none', 1, payload, 1024);
    expect(matcher.request).toBe(payload);
    const step = matcher.feed(payload.subarray(0, 65536));
    expect(step instanceof WireError && step.code).toBe('WIRE_BAD_REPLY');
    expect(ReplyMatcher.for('none', 2, Buffer.from('ab'), 1024).feed(Buffer.from('ab'))?.toString()).toBe('ab');
  });

  it('begun again, it matches the new request only, and writes over its frame only when told the frame is free', () => {
    const matcher = new ReplyMatcher();
    const first = matcher.begin('length-prefixed', 1, Buffer.from('ab'), 1024, false);
    const firstCopy = Buffer.from(first);
    expect(matcher.feed(first)?.toString()).toBe('ab');

    const second = matcher.begin('length-prefixed', 2, Buffer.from('cd'), 1024, true);
    expect(second).toBe(first); // same size, frame free: written over
    const stale = matcher.feed(firstCopy);
    expect(stale instanceof WireError && stale.code).toBe('WIRE_BAD_REPLY');

    const third = matcher.begin('length-prefixed', 3, Buffer.from('ef'), 1024, false);
    expect(third).not.toBe(second); // the previous bytes may still be queued: a new frame
    expect(second.subarray(12).toString()).toBe('cd');
    expect(matcher.feed(Buffer.from(third))?.toString()).toBe('ef');
  });

  it("begun again, it forgets the previous request's leftover", () => {
    const matcher = new ReplyMatcher();
    const request = matcher.begin('length-prefixed', 1, Buffer.from('hi'), 1024, false);
    matcher.feed(Buffer.concat([request, Buffer.from([9])]));
    expect(matcher.leftover).toHaveLength(1);
    matcher.begin('length-prefixed', 2, Buffer.from('hi'), 1024, true);
    expect(matcher.leftover).toHaveLength(0);
  });

  describe('feedShared: reads that lie in a buffer every socket reads into', () => {
    /** Puts `bytes` at the start of `shared`, as a read into it would. */
    const readInto = (shared: Buffer, bytes: Buffer): number => bytes.copy(shared, 0);

    it('a whole reply is checked in place and returned as a copy the next read cannot touch', () => {
      const shared = Buffer.alloc(64);
      const matcher = ReplyMatcher.for('length-prefixed', 5, Buffer.from('mine'), 1024);
      const reply = matcher.feedShared(shared, readInto(shared, matcher.request));
      shared.fill(0x7a);
      expect(reply?.toString()).toBe('mine');
    });

    it('a reply split over two reads is assembled from copies, though the buffer is written over between them', () => {
      const shared = Buffer.alloc(64);
      const matcher = ReplyMatcher.for('length-prefixed', 6, Buffer.from('split reply'), 1024);
      const request = Buffer.from(matcher.request);
      expect(matcher.feedShared(shared, readInto(shared, request.subarray(0, 10)))).toBeUndefined();
      shared.fill(0x7a);
      expect(matcher.feedShared(shared, readInto(shared, request.subarray(10)))?.toString()).toBe('split reply');
    });

    it('bytes stuck behind the reply are kept as a copy', () => {
      const shared = Buffer.alloc(64);
      const matcher = ReplyMatcher.for('length-prefixed', 7, Buffer.from('hi'), 1024);
      const reply = matcher.feedShared(shared, readInto(shared, Buffer.concat([matcher.request, Buffer.from([0, 1])])));
      shared.fill(0x7a);
      expect(reply?.toString()).toBe('hi');
      expect([...Buffer.concat(matcher.leftover)]).toEqual([0, 1]);
    });

    it('a wrong reply read in place is still WIRE_BAD_REPLY', () => {
      const shared = Buffer.alloc(64);
      const other = ReplyMatcher.for('length-prefixed', 8, Buffer.from('hi'), 1024).request;
      const step = ReplyMatcher.for('length-prefixed', 9, Buffer.from('hi'), 1024).feedShared(shared, readInto(shared, other));
      expect(step instanceof WireError && step.code).toBe('WIRE_BAD_REPLY');
    });
  });
});
