import { describe, expect, it } from 'vitest';
import { encodeColumns } from './recording-columns';
import { ColumnError, decodeColumns } from './recording-columns-read';

/** Records whose shape changes: a key that appears, an object present only for a while, an array that grows. */
function records(): object[] {
  return Array.from({ length: 3000 }, (_, i) => ({
    t: 1000 + i * 100,
    pool: { open: i % 7, maxOpen: 10 },
    byCode: i >= 1200 ? { ECONNREFUSED: Math.floor(i / 100) } : {},
    hist: Array.from({ length: i < 2000 ? 2 : 3 }, (_, j) => ({ upToMs: j * 10, count: (i + j) % 5 })),
    ...(i >= 500 && i < 2500 ? { b: { pool: { open: 0.5 + i }, nested: { deep: { x: i % 3 } } } } : {}),
  }));
}

describe('recording columns', () => {
  it('read back what they wrote, absent keys absent, and say where the shape may change', () => {
    const written = records();
    const tree = encodeColumns(written);
    const { records: read, shapeChanges } = decodeColumns(JSON.parse(JSON.stringify(tree)), written.length);
    expect(JSON.parse(JSON.stringify(read))).toEqual(written);
    expect(shapeChanges).toEqual([0, 500, 1200, 2000, 2500]);
    // A constant column is one change: written once, not 3,000 times.
    expect((tree as { pool: { maxOpen: unknown[] } }).pool.maxOpen).toEqual([0, 10]);
  });

  it('give the same numbers read once or read often (expanded after many reads)', () => {
    const written = records() as { pool: { open: number }; b?: { pool: { open: number } } }[];
    const { records: read } = decodeColumns(encodeColumns(written), written.length);
    const rows = read as typeof written;
    for (let pass = 0; pass < 2; pass += 1)
      for (let i = 0; i < rows.length; i += 1) {
        expect(rows[i]!.pool.open).toBe(written[i]!.pool.open);
        expect(rows[i]!.b?.pool.open).toBe(written[i]!.b?.pool.open);
      }
  });

  it('refuse a change list that leaves the records, or would expand past the limit', () => {
    expect(() => decodeColumns({ t: [0, 1, 5, 2] }, 3)).toThrow(ColumnError);
    expect(() => decodeColumns({ t: [0, 1, 0, 2] }, 3)).toThrow(/gap/);
    expect(() => decodeColumns({ t: [1, 1] }, 3)).toThrow(ColumnError);
    expect(() => decodeColumns({ t: [0, 'x'] }, 3)).toThrow(/not a number/);
    expect(() => decodeColumns({ a: [[0, 1]] }, 3)).toThrow(ColumnError);
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, [0, 1]]));
    expect(() => decodeColumns(wide, 100_000)).toThrow(/more than a recording may hold/);
    expect(decodeColumns({ t: [0, 1, 2, 2] }, 3).records.map((r) => (r as { t: number }).t)).toEqual([1, 1, 2]);
  });
});
