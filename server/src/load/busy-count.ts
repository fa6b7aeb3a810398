/** A count of things under way, with a promise for the moment it reaches zero (what stop() awaits). */
export class BusyCount {
  #count = 0;
  #waiters: Array<() => void> = [];

  get value(): number {
    return this.#count;
  }

  up(): void {
    this.#count += 1;
  }

  down(): void {
    this.#count -= 1;
    if (this.#count === 0) this.#waiters.splice(0).forEach((resolve) => resolve());
  }

  whenZero(): Promise<void> {
    if (this.#count === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }
}
