/**
 * The message encoding both ends of the Redis link use (emitter at the lab, adapter at the
 * relays): JSON, what a viewer receives anyway, so a relay's viewer sees exactly the values a
 * lab viewer sees (msgpack would keep `undefined` fields JSON drops). `onDecode` lets the relay
 * watch what passes (the latest snapshot, the history it records) without a second subscription.
 */
export interface WireParser {
  encode(value: unknown): string;
  decode(message: Buffer | string): unknown;
}

export function jsonParser(onDecode?: (decoded: unknown) => void): WireParser {
  return {
    encode: (value) => JSON.stringify(value),
    decode: (message) => {
      const decoded: unknown = JSON.parse(typeof message === 'string' ? message : message.toString('utf8'));
      onDecode?.(decoded);
      return decoded;
    },
  };
}

/** Channel prefix and key names shared by the lab and its relays. */
export const REDIS_PREFIX = 'poolscope';
/** One key per relay (`…:<relay id>`), its viewer count, expiring unless refreshed: a dead relay's viewers stop counting. */
export const VIEWERS_KEY_PREFIX = `${REDIS_PREFIX}:viewers:`;
export const VIEWERS_EVERY_MS = 2000;
export const VIEWERS_TTL_MS = 6000;
