import { describe, expect, it } from 'vitest';
import { encodeEchoRequest, matchEchoReply, readRequestId } from './echo-request';
import { FrameReader } from './frame-reader';
import { WireError } from './wire-error';

const roundTrip = (frame: Buffer) => new FrameReader(1 << 20).push(frame)[0]!;

describe('echo request', () => {
  it('round-trips the request id, including ids past 2^32', () => {
    const id = 2 ** 40 + 12345;
    expect(readRequestId(roundTrip(encodeEchoRequest(id, Buffer.from('x'))))).toBe(id);
  });

  it('accepts the same frame echoed back and returns the payload', () => {
    const payload = Buffer.from('payload');
    const reply = matchEchoReply(7, payload, roundTrip(encodeEchoRequest(7, payload)));
    expect(Buffer.isBuffer(reply) && reply.toString()).toBe('payload');
  });

  it.each([
    ['another id', encodeEchoRequest(8, Buffer.from('payload'))],
    ['other bytes', encodeEchoRequest(7, Buffer.from('paXload'))],
    ['another length', encodeEchoRequest(7, Buffer.from('pay'))],
  ])('rejects a reply with %s as WIRE_BAD_REPLY', (_what, replyFrame) => {
    const reply = matchEchoReply(7, Buffer.from('payload'), roundTrip(replyFrame));
    expect(reply).toBeInstanceOf(WireError);
    expect((reply as WireError).code).toBe('WIRE_BAD_REPLY');
  });
});
