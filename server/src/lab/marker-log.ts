import type { Marker, MarkerChange, MarkerCode, MarkerKind } from '@poolscope/shared/snapshot';

/** What a marker says as data, for the dashboard to word in the reader's language (see Marker in shared/snapshot.ts). */
export interface MarkerDetail {
  code: MarkerCode;
  params?: Record<string, string | number>;
  changes?: MarkerChange[];
}

/** Labelled moments (config changes, scenario starts, target faults) that every chart marks. */
export class MarkerLog {
  private readonly markers: Marker[] = [];
  private nextId = 1;

  constructor(private readonly capacity = 100) {}

  /** `label` is the English wording; `detail` the same said as a code with its params. */
  add(kind: MarkerKind, label: string, detail: MarkerDetail, tMs = Date.now()): Marker {
    const marker: Marker = { id: this.nextId++, t: tMs, kind, label, ...detail };
    this.markers.push(marker);
    if (this.markers.length > this.capacity) this.markers.shift();
    return marker;
  }

  recent(): Marker[] {
    return this.markers.slice();
  }
}

/** `{ maxOpen: 4 }` before `{ maxOpen: 10 }` as marker changes; only scalar knob values are carried. */
export function markerChanges(changed: Record<string, unknown>, before: Record<string, unknown> = {}): MarkerChange[] {
  return Object.entries(changed).flatMap(([knob, to]) => {
    if (!isKnobValue(to)) return [];
    const from = before[knob];
    return [isKnobValue(from) ? { knob, from, to } : { knob, to }];
  });
}

function isKnobValue(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
