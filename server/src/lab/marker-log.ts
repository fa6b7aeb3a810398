import type { Marker, MarkerKind } from '@poolscope/shared/snapshot';

/** Labelled moments (config changes, scenario starts, target faults) that every chart marks. */
export class MarkerLog {
  private readonly markers: Marker[] = [];
  private nextId = 1;

  constructor(private readonly capacity = 100) {}

  add(kind: MarkerKind, label: string, tMs = Date.now()): Marker {
    const marker = { id: this.nextId++, t: tMs, kind, label };
    this.markers.push(marker);
    if (this.markers.length > this.capacity) this.markers.shift();
    return marker;
  }

  recent(): Marker[] {
    return this.markers.slice();
  }
}
