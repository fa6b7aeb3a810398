import type { LabEvent } from '@poolscope/shared/events';

/**
 * Events gathered between two ticks. Bounded, so a storm of closes cannot grow a tick's
 * payload without limit; what is dropped is counted (the snapshot's `eventsDropped`, shown
 * in the dashboard's event log) and still shows in the counters.
 */
export class EventBatch {
  private events: LabEvent[] = [];
  dropped = 0;

  constructor(private readonly capacityPerTick = 500) {}

  push(event: LabEvent): void {
    if (this.events.length >= this.capacityPerTick) {
      this.dropped++;
      return;
    }
    this.events.push(event);
  }

  drain(): LabEvent[] {
    const drained = this.events;
    this.events = [];
    return drained;
  }
}
