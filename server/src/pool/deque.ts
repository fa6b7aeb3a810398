/**
 * A ring-buffer double-ended queue: O(1) at both ends, no per-item allocation. Idle
 * connections (LIFO or FIFO) and waiters (FIFO) live in these; `Array#shift` would copy.
 */
export class Deque<T> {
  private items: (T | undefined)[] = new Array(16);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = item;
    this.size++;
  }

  unshift(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = item;
    this.size++;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    this.size--;
    const index = (this.head + this.size) & (this.items.length - 1);
    const item = this.items[index];
    this.items[index] = undefined;
    return item;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.size--;
    return item;
  }

  peekFront(): T | undefined {
    return this.size === 0 ? undefined : this.items[this.head];
  }

  at(offset: number): T | undefined {
    return offset < 0 || offset >= this.size ? undefined : this.items[(this.head + offset) & (this.items.length - 1)];
  }

  /** Keep only the items `keep` accepts, in order; O(n). Returns the number removed. */
  retain(keep: (item: T) => boolean): number {
    const kept: T[] = [];
    for (let i = 0; i < this.size; i++) {
      const item = this.at(i)!;
      if (keep(item)) kept.push(item);
    }
    const removed = this.size - kept.length;
    if (removed > 0) this.reset(kept);
    return removed;
  }

  remove(item: T): boolean {
    // The ends are the common cases (the oldest idle connection, the newest): O(1) there.
    if (this.size > 0 && this.items[this.head] === item) return (this.shift(), true);
    if (this.size > 0 && this.at(this.size - 1) === item) return (this.pop(), true);
    let found = false;
    this.retain((other) => (found || other !== item ? true : ((found = true), false)));
    return found;
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i)!);
    return out;
  }

  private reset(items: T[]): void {
    let capacity = 16;
    while (capacity < items.length) capacity *= 2;
    this.items = new Array(capacity);
    for (let i = 0; i < items.length; i++) this.items[i] = items[i];
    this.head = 0;
    this.size = items.length;
  }

  private grow(): void {
    const items = this.toArray();
    this.items = new Array(this.items.length * 2);
    for (let i = 0; i < items.length; i++) this.items[i] = items[i];
    this.head = 0;
  }
}
