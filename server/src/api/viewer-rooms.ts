/**
 * Viewers sorted into rooms of at most `roomSize`, so a broadcast can be sent one room per
 * event-loop turn: past ~200 viewers one synchronous emit to all of them delays everything
 * else the process does (docs/PERF-FACTS.md: ~35-45 µs per viewer).
 */
export class ViewerRooms {
  private readonly members = new Map<string, number>();
  private nextRoom = 0;

  constructor(
    readonly roomSize = 100,
    readonly prefix = 'viewers',
  ) {}

  get viewerCount(): number {
    let total = 0;
    for (const count of this.members.values()) total += count;
    return total;
  }

  rooms(): string[] {
    return [...this.members.keys()];
  }

  /** The room a new viewer joins: the first with space, else a new one. */
  assign(): string {
    for (const [room, count] of this.members) {
      if (count < this.roomSize) {
        this.members.set(room, count + 1);
        return room;
      }
    }
    const room = `${this.prefix}-${this.nextRoom++}`;
    this.members.set(room, 1);
    return room;
  }

  release(room: string): void {
    const count = this.members.get(room);
    if (count === undefined) return;
    if (count <= 1) this.members.delete(room);
    else this.members.set(room, count - 1);
  }
}
