/** What a reader may do with a ring buffer it does not own: read, never push or clear. */
export type ReadonlyRingBuffer<T> = Omit<RingBuffer<T>, 'push' | 'clear'>;

/**
 * A fixed-capacity FIFO: pushing past capacity overwrites the oldest item.
 * Memory stays bounded however long the dashboard streams.
 */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private size = 0;
  private pushed = 0;
  private clears = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    this.pushed += 1;
    const end = (this.start + this.size) % this.capacity;
    this.items[end] = item;
    if (this.size < this.capacity) this.size += 1;
    else this.start = (this.start + 1) % this.capacity;
  }

  /**
   * How many items were pushed before the oldest one still held: `firstSerial + i` names the
   * i-th item for as long as it is kept, where `i` alone shifts once the buffer is full.
   */
  get firstSerial(): number {
    return this.pushed - this.size;
  }

  /**
   * Changes on every `clear`: whatever a reader derived from the items before it (and kept,
   * trusting that items are only ever appended) no longer holds.
   */
  get epoch(): number {
    return this.clears;
  }

  /** The i-th oldest item (0 = oldest), or undefined out of range. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.size) return undefined;
    return this.items[(this.start + index) % this.capacity];
  }

  last(): T | undefined {
    return this.at(this.size - 1);
  }

  clear(): void {
    this.clears += 1;
    this.items.fill(undefined);
    this.start = 0;
    this.size = 0;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i += 1) out.push(this.at(i) as T);
    return out;
  }

  /** Index of the first item whose key is >= `min`, assuming keys never decrease (binary search). */
  lowerBound(key: (item: T) => number, min: number): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (key(this.at(mid) as T) < min) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
