/**
 * Recording format 2 stores a list of same-shaped records (the 10 Hz samples) column-wise: one
 * column per numeric leaf, each column a change list `[gap, value, gap, value, ...]` that names a
 * value only where it changes (`gap` = samples since the previous change, the first gap 0). A value
 * of `null` means the leaf is absent from that sample on. A 15-minute recording's 9,000 samples
 * carry ~150 leaves per arm, most constant or slow (maxOpen, closed-by-reason counts, histogram
 * bounds): written once instead of 9,000 times, and without the key names repeated in every sample.
 *
 * The tree mirrors the record:
 * - a leaf (a number column) is an array whose first item is a number (the first gap, 0);
 * - an array is `[lengthColumn, item0, item1, ...]` (its first item is itself an array);
 * - an object is a JSON object of its keys' trees; its key `?` (when present) is a presence column
 *   (1 present, null absent), for an object missing from some records (arm B outside a comparison).
 */
export type ChangeList = (number | null)[];
export type ColumnTree = ChangeList | ColumnArray | { [key: string]: ColumnTree };
export type ColumnArray = [ChangeList, ...ColumnTree[]];

const PRESENCE = '?';

class LeafWriter {
  readonly out: ChangeList = [];
  private last: number | null = null;
  private lastIndex = 0;
  touched = false;

  constructor(createdAt: number) {
    if (createdAt > 0) this.out.push(0, null);
    this.lastIndex = createdAt > 0 ? 0 : -1;
  }

  write(index: number, value: number | null): void {
    this.touched = true;
    if (this.out.length > 0 && value === this.last) return;
    this.out.push(this.out.length === 0 ? 0 : index - this.lastIndex, value);
    this.last = value;
    this.lastIndex = index;
  }
}

type WriterNode =
  { kind: 'leaf'; leaf: LeafWriter } | { kind: 'object'; presence: LeafWriter; keys: Map<string, WriterNode> } | ArrayWriter;
type ArrayWriter = { kind: 'array'; length: LeafWriter; items: WriterNode[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function newNode(value: unknown, index: number): WriterNode | null {
  if (typeof value === 'number') return { kind: 'leaf', leaf: new LeafWriter(index) };
  if (Array.isArray(value)) return { kind: 'array', length: new LeafWriter(index), items: [] };
  if (isRecord(value)) return { kind: 'object', presence: new LeafWriter(index), keys: new Map() };
  return null; // strings, booleans and nulls are not numbers a sample carries: left out
}

function visit(node: WriterNode, value: unknown, index: number): void {
  if (node.kind === 'leaf') {
    if (typeof value === 'number') node.leaf.write(index, value);
    return;
  }
  if (node.kind === 'array') {
    if (!Array.isArray(value)) return;
    node.length.write(index, value.length);
    value.forEach((item, i) => {
      node.items[i] ??= newNode(item, index) ?? { kind: 'leaf', leaf: new LeafWriter(index) };
      visit(node.items[i] as WriterNode, item, index);
    });
    return;
  }
  if (!isRecord(value)) return;
  node.presence.write(index, 1);
  // for...in, not Object.entries: a sample read back from a file keeps its groups as getters (recording-columns-read.ts).
  for (const key in value) {
    if (key === PRESENCE || key === '__proto__') continue;
    const child = value[key];
    let childNode = node.keys.get(key);
    if (!childNode) {
      const created = newNode(child, index);
      if (!created) continue;
      node.keys.set(key, (childNode = created));
    }
    visit(childNode, child, index);
  }
}

/** Leaves a record did not carry become absent (null) from it on. */
function closeRecord(node: WriterNode, index: number): void {
  const writers = node.kind === 'leaf' ? [node.leaf] : node.kind === 'array' ? [node.length] : [node.presence];
  for (const w of writers) {
    if (!w.touched) w.write(index, null);
    w.touched = false;
  }
  if (node.kind === 'array') for (const item of node.items) closeRecord(item, index);
  if (node.kind === 'object') for (const child of node.keys.values()) closeRecord(child, index);
}

function toTree(node: WriterNode, root: boolean): ColumnTree {
  if (node.kind === 'leaf') return node.leaf.out;
  if (node.kind === 'array') return [node.length.out, ...node.items.map((item) => toTree(item, false))];
  const tree: Record<string, ColumnTree> = {};
  const always = node.presence.out.length === 2 && node.presence.out[1] === 1;
  if (!root && !always) tree[PRESENCE] = node.presence.out;
  for (const [key, child] of node.keys) tree[key] = toTree(child, false);
  return tree;
}

/** Records (plain objects of numbers, objects and arrays) to one column tree. */
export function encodeColumns(records: readonly object[]): ColumnTree {
  const root: WriterNode = { kind: 'object', presence: new LeafWriter(0), keys: new Map() };
  records.forEach((record, index) => {
    visit(root, record, index);
    closeRecord(root, index);
  });
  return toTree(root, true);
}
