/**
 * 4-byte big-endian integers read and written byte by byte. The echo hot path does five of
 * these per request; Buffer#readUInt32BE and #writeUInt32BE validate their offset (and the
 * value) on every call, which in profiles cost more than the bytes. Callers keep offsets in range.
 */
export function readUint32(bytes: Uint8Array, offset: number): number {
  return bytes[offset]! * 0x1000000 + ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!);
}

export function writeUint32(bytes: Uint8Array, offset: number, value: number): void {
  bytes[offset] = value >>> 24;
  bytes[offset + 1] = value >>> 16;
  bytes[offset + 2] = value >>> 8;
  bytes[offset + 3] = value;
}
