import { describe, expect, it } from 'vitest';
import { readUint32, writeUint32 } from './big-endian';

describe('big-endian uint32', () => {
  it.each([0, 1, 255, 256, 0x01020304, 0x7fffffff, 0x80000000, 0xffffffff])(
    '%i reads back as Buffer#readUInt32BE wrote it, and writes as it would',
    (value) => {
      const written = Buffer.alloc(6);
      written.writeUInt32BE(value, 1);
      expect(readUint32(written, 1)).toBe(value);
      const ours = Buffer.alloc(6);
      writeUint32(ours, 1, value);
      expect(ours).toEqual(written);
    },
  );
});
