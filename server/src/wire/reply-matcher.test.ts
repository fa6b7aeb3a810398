import { describe, expect, it } from 'vitest';
import { ReplyMatcher } from './reply-matcher';
import { WireError } from './wire-error';

describe('ReplyMatcher', () => {
  it('length-prefixed: waits for the whole frame over several reads, then returns the payload', () => {
    const matcher = new ReplyMatcher('length-prefixed', 3, Buffer.from('hello world'), 1024);
    const echo = matcher.request;
    expect(matcher.feed(echo.subarray(0, 5))).toBeUndefined();
    expect(matcher.feed(echo.subarray(5, 9))).toBeUndefined();
    expect(matcher.feed(echo.subarray(9))?.toString()).toBe('hello world');
  });

  it('length-prefixed: keeps bytes stuck behind the reply as leftover', () => {
    const matcher = new ReplyMatcher('length-prefixed', 3, Buffer.from('hi'), 1024);
    const reply = matcher.feed(Buffer.concat([matcher.request, Buffer.from([0, 0])]));
    expect(reply?.toString()).toBe('hi');
    expect(Buffer.concat(matcher.leftover).length).toBe(2);
  });

  it('length-prefixed: a reply with another id in one whole read is WIRE_BAD_REPLY', () => {
    const other = new ReplyMatcher('length-prefixed', 4, Buffer.from('hi'), 1024).request;
    const step = new ReplyMatcher('length-prefixed', 3, Buffer.from('hi'), 1024).feed(other);
    expect(step instanceof WireError && step.code).toBe('WIRE_BAD_REPLY');
  });

  it('length-prefixed: one whole frame over maxFrameBytes in one read is WIRE_FRAME_TOO_LARGE', () => {
    const matcher = new ReplyMatcher('length-prefixed', 1, Buffer.alloc(2000), 1024);
    const step = matcher.feed(matcher.request);
    expect(step instanceof WireError && step.code).toBe('WIRE_FRAME_TOO_LARGE');
  });

  it('length-prefixed: an oversized declared length gives WIRE_FRAME_TOO_LARGE', () => {
    const matcher = new ReplyMatcher('length-prefixed', 1, Buffer.from('x'), 1024);
    const step = matcher.feed(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(step instanceof WireError && step.code).toBe('WIRE_FRAME_TOO_LARGE');
  });

  it('none: takes the first read as the reply, so a split reply is a WIRE_BAD_REPLY', () => {
    const payload = Buffer.alloc(200 * 1024, 1);
    const matcher = new ReplyMatcher('none', 1, payload, 1024);
    expect(matcher.request).toBe(payload);
    const step = matcher.feed(payload.subarray(0, 65536));
    expect(step instanceof WireError && step.code).toBe('WIRE_BAD_REPLY');
    expect(new ReplyMatcher('none', 2, Buffer.from('ab'), 1024).feed(Buffer.from('ab'))?.toString()).toBe('ab');
  });
});
