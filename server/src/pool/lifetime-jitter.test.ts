import { describe, expect, it } from 'vitest';
import { ConnectionRecord } from './connection-record';

/**
 * Lifetime jitter is arithmetic on one connection's own draw; the engine paths that act on
 * `expired()` (reaper, release, borrow) are covered over real sockets in the pool's tests.
 * The entry and runner are never touched by `expired()`, hence the bare stand-ins.
 */
function connectionWithDraw(draw: number, createdAtMs = 0): ConnectionRecord {
  const unused = {} as never;
  return new ConnectionRecord(1, unused, createdAtMs, () => draw, unused);
}

describe('max lifetime jitter', () => {
  it('with 0 % jitter every connection expires exactly at maxLifetimeMs, whatever its draw', () => {
    for (const draw of [0, 0.5, 0.999]) {
      const connection = connectionWithDraw(draw);
      expect(connection.expired(9_999, 10_000, 0)).toBe(false);
      expect(connection.expired(10_000, 10_000, 0)).toBe(true);
    }
  });

  it('shortens a lifetime by the draw times the jitter share: draw 0.5 at 20 % expires at 90 %', () => {
    const connection = connectionWithDraw(0.5, 1_000);
    expect(connection.expired(1_000 + 8_999, 10_000, 20)).toBe(false);
    expect(connection.expired(1_000 + 9_000, 10_000, 20)).toBe(true);
  });

  it('reads the knob at each check, so a live change of the jitter moves the expiry', () => {
    const connection = connectionWithDraw(1 - Number.EPSILON);
    expect(connection.expired(6_000, 10_000, 10)).toBe(false);
    expect(connection.expired(6_000, 10_000, 50)).toBe(true);
  });

  it('never expires with maxLifetimeMs 0', () => {
    expect(connectionWithDraw(0.9).expired(Number.MAX_SAFE_INTEGER, 0, 50)).toBe(false);
  });
});
