import type { ChangeList, ColumnTree } from './recording-columns';

/** A column tree that does not read as one: where, and what is wrong there. */
export class ColumnError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** Dense cells (columns × records) a reader expands at most: far above 15 minutes at 10 Hz (~3 M), far below a tab's memory. */
export const MAX_COLUMN_CELLS = 40_000_000;

/** Reads before a column is expanded to one value per record; until then a read is a binary search over its changes. */
const READS_BEFORE_EXPANDING = 1000;

/**
 * One column, read: its changes (where, and the value from there on; NaN for absent, which JSON
 * cannot carry so it cannot clash with a value). Expanded to a value per record only once read
 * often (drawn): a load checks a few samples of each shape and would otherwise expand all ~300
 * columns × 9,000 samples, which cost a few hundred ms while V8 still ran the loop cold.
 */
class Column {
  private dense: Float64Array | null = null;
  private reads = 0;

  constructor(
    private readonly starts: Int32Array,
    readonly changes: Float64Array,
    private readonly count: number,
  ) {}

  at(i: number): number {
    if (this.dense) return this.dense[i] as number;
    if ((this.reads += 1) > READS_BEFORE_EXPANDING) return (this.dense = this.expand())[i] as number;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= i) low = middle;
      else high = middle - 1;
    }
    return this.changes[low] as number;
  }

  private expand(): Float64Array {
    const dense = new Float64Array(this.count);
    for (let k = 0; k < this.starts.length; k += 1) dense.fill(this.changes[k] as number, this.starts[k], this.starts[k + 1] ?? this.count);
    return dense;
  }
}
type Values = Column;
type ReadNode =
  | { kind: 'leaf'; values: Values }
  | { kind: 'array'; length: Values; items: ReadNode[] }
  | { kind: 'object'; presence: Values | null; keys: [string, ReadNode][]; Record: (new (i: number) => object) | null };

const isChangeList = (tree: unknown): tree is ChangeList => Array.isArray(tree) && tree.length > 0 && typeof tree[0] === 'number';

function countLeaves(tree: unknown, path: string): number {
  if (isChangeList(tree)) return 1;
  if (Array.isArray(tree)) {
    if (!isChangeList(tree[0])) throw new ColumnError(path, 'an array column needs its length column first');
    return tree.reduce<number>((sum, item, i) => sum + countLeaves(item, `${path}/${i}`), 0);
  }
  if (typeof tree !== 'object' || tree === null) throw new ColumnError(path, 'expected a column, an array or an object of columns');
  let sum = 0;
  for (const [key, child] of Object.entries(tree)) sum += countLeaves(child, `${path}/${key}`);
  return sum;
}

/** A change list to one value per record; notes where a leaf appears, disappears or (a length) changes: where the records' shape may change. */
function expand(list: unknown, count: number, path: string, shapeChanges: Set<number>, isLength: boolean): Values {
  if (!isChangeList(list) || list.length % 2 !== 0 || list[0] !== 0) throw new ColumnError(path, 'a column is [0, value, gap, value, ...]');
  const starts = new Int32Array(list.length / 2);
  const changes = new Float64Array(list.length / 2);
  let index = 0;
  let previous: number | null | undefined;
  for (let k = 0; k < list.length; k += 2) {
    const gap = list[k];
    const value = list[k + 1];
    if (typeof gap !== 'number' || !Number.isInteger(gap) || gap < (k === 0 ? 0 : 1) || index + gap >= count)
      throw new ColumnError(path, `gap ${String(gap)} at ${k} leaves the ${count} samples`);
    if (value !== null && typeof value !== 'number') throw new ColumnError(path, `value at ${k + 1} is not a number or null`);
    index += gap;
    starts[k / 2] = index;
    changes[k / 2] = value ?? Number.NaN;
    if (k === 0 || (value === null) !== (previous === null) || isLength) shapeChanges.add(index);
    previous = value;
  }
  return new Column(starts, changes, count);
}

function compile(tree: ColumnTree, count: number, path: string, shapeChanges: Set<number>): ReadNode {
  if (isChangeList(tree)) return { kind: 'leaf', values: expand(tree, count, path, shapeChanges, false) };
  if (Array.isArray(tree)) {
    const [lengthList, ...items] = tree;
    const length = expand(lengthList, count, `${path}/0`, shapeChanges, true);
    for (const n of length.changes)
      if (!Number.isNaN(n) && (!Number.isInteger(n) || n < 0 || n > items.length))
        throw new ColumnError(path, `array length ${n} is not one of its ${items.length} items`);
    return { kind: 'array', length, items: items.map((item, i) => compile(item, count, `${path}/${i + 1}`, shapeChanges)) };
  }
  let presence: Values | null = null;
  const keys: [string, ReadNode][] = [];
  for (const [key, child] of Object.entries(tree)) {
    if (key === '?') {
      presence = expand(child, count, `${path}/?`, shapeChanges, false);
      if (presence.changes.some((p) => !Number.isNaN(p) && p !== 1)) throw new ColumnError(`${path}/?`, 'presence is 1 or null');
    } else if (key === '__proto__') throw new ColumnError(path, 'a key may not be __proto__');
    else keys.push([key, compile(child, count, `${path}/${key}`, shapeChanges)]);
  }
  const node: ReadNode = { kind: 'object', presence, keys, Record: null };
  // Lazy where it pays: a sample and arm B (objects of objects of objects); pool, totals, latency are built whole, as plain objects.
  if (height(node) >= 3) node.Record = lazyRecordClass(node);
  return node;
}

function build(node: ReadNode, i: number): unknown {
  if (node.kind === 'leaf') {
    const value = node.values.at(i);
    return Number.isNaN(value) ? undefined : value;
  }
  if (node.kind === 'array') {
    const length = node.length.at(i);
    if (Number.isNaN(length)) return undefined;
    const out: unknown[] = new Array<unknown>(length);
    for (let j = 0; j < length; j += 1) out[j] = build(node.items[j] as ReadNode, i);
    return out;
  }
  if (node.presence !== null && node.presence.at(i) !== 1) return undefined;
  if (node.Record) return new node.Record(i);
  const out: Record<string, unknown> = {};
  for (const [key, child] of node.keys) {
    const value = build(child, i);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function height(node: ReadNode): number {
  if (node.kind === 'leaf') return 0;
  const children = node.kind === 'array' ? node.items : node.keys.map(([, child]) => child);
  return 1 + children.reduce((most, child) => Math.max(most, height(child)), 0);
}

function present(node: ReadNode, i: number): boolean {
  if (node.kind === 'leaf') return !Number.isNaN(node.values.at(i));
  if (node.kind === 'array') return !Number.isNaN(node.length.at(i));
  return node.presence === null || node.presence.at(i) === 1;
}

/**
 * Samples (and arm B in them) whose groups (pool, totals, latency, B...) are built when first read,
 * then kept: building all of a 15-minute recording's ~6 M values at once took about a second, while
 * a replay reads a sample's groups only when it draws or shows them. One class per such column;
 * every key an enumerable getter on it, in the recorded order (a schema check, `for...in` and
 * JSON.stringify through toJSON see them as data; Object.keys and spreads do not, so readers name
 * the fields they read); an absent one reads undefined. The groups themselves are plain objects.
 */
function lazyRecordClass(node: { keys: [string, ReadNode][] }): new (i: number) => object {
  class LazyRecord {
    readonly #i: number;
    #built: Map<string, unknown> | null = null;
    constructor(i: number) {
      this.#i = i;
    }
    static holds(value: object): value is LazyRecord {
      return #i in value;
    }
    group(key: string, child: ReadNode): unknown {
      this.#built ??= new Map();
      if (!this.#built.has(key)) this.#built.set(key, present(child, this.#i) ? build(child, this.#i) : undefined);
      return this.#built.get(key);
    }
    leaf(values: Values): number | undefined {
      const value = values.at(this.#i);
      return Number.isNaN(value) ? undefined : value;
    }
    toJSON(): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const key in this) if ((this as Record<string, unknown>)[key] !== undefined) out[key] = (this as Record<string, unknown>)[key];
      return out;
    }
  }
  // Every key a getter, in the recorded order (for...in, JSON and CSV columns come out as written).
  for (const [key, child] of node.keys) {
    if (key in LazyRecord.prototype) throw new ColumnError(`/${key}`, `a column may not be named ${key}`);
    const values = child.kind === 'leaf' ? child.values : null;
    Object.defineProperty(LazyRecord.prototype, key, {
      enumerable: true,
      get(this: LazyRecord) {
        // Read on something that is not a record itself (the prototype, or a copy made from it, as a deep-equality walk does).
        if (!LazyRecord.holds(this)) return undefined;
        return values ? this.leaf(values) : this.group(key, child);
      },
    });
  }
  return LazyRecord;
}

/**
 * A column tree back to `count` records, with the indices where the records' shape may change
 * (the first, and wherever a leaf appears or disappears or an array's length changes): records
 * between two such indices have the same keys with numbers in them, so a caller checks one of each.
 * Throws ColumnError on a tree that does not read, or one that would expand past MAX_COLUMN_CELLS.
 */
export function decodeColumns(tree: unknown, count: number): { records: unknown[]; shapeChanges: number[] } {
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) throw new ColumnError('', 'the columns are an object');
  const leaves = countLeaves(tree, '');
  if (leaves * count > MAX_COLUMN_CELLS)
    throw new ColumnError('', `${leaves} columns × ${count} samples is more than a recording may hold (${MAX_COLUMN_CELLS} cells)`);
  const shapeChanges = new Set<number>();
  const root = compile(tree as ColumnTree, count, '', shapeChanges);
  if (root.kind !== 'object') throw new ColumnError('', 'the columns are an object');
  const records: unknown[] = new Array<unknown>(count);
  for (let i = 0; i < count; i += 1) records[i] = build(root, i);
  return { records, shapeChanges: [...shapeChanges].sort((a, b) => a - b) };
}
