import type { LabEvent } from '@poolscope/shared/events';
import type { ClosedConnectionSnapshot } from '@poolscope/shared/snapshot';

/** Closed connections linger this long on the connection map, showing why they closed. */
export const LINGER_MS = 5000;

export class RecentlyClosed {
  private readonly closed: ClosedConnectionSnapshot[] = [];

  constructor(private readonly capacity = 200) {}

  observe(event: LabEvent): void {
    if (event.type !== 'connection-closed') return;
    this.closed.push({
      id: event.connectionId,
      targetId: event.targetId,
      reason: event.reason,
      closedAt: event.t,
      ageMs: event.ageMs,
      uses: event.uses,
    });
    if (this.closed.length > this.capacity) this.closed.shift();
  }

  recent(nowMs: number): ClosedConnectionSnapshot[] {
    while (this.closed.length > 0 && (this.closed[0] as ClosedConnectionSnapshot).closedAt < nowMs - LINGER_MS) this.closed.shift();
    return this.closed.slice();
  }
}
