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

  // Small payloads are copied and compared in JavaScript, large ones natively: both ways checked.
  it.each([16, 64, 65, 4096])('a %i-byte payload round-trips, and one changed last byte is WIRE_BAD_REPLY', (payloadBytes) => {
    const payload = Buffer.alloc(payloadBytes, 0x5a);
    const frame = roundTrip(encodeEchoRequest(3, payload));
    const reply = matchEchoReply(3, payload, frame);
    expect(Buffer.isBuffer(reply) && reply.equals(payload)).toBe(true);
    frame[frame.length - 1] = 0x00;
    expect((matchEchoReply(3, payload, frame) as WireError).code).toBe('WIRE_BAD_REPLY');
  });
});
