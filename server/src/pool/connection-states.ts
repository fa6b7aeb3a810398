import type { ConnectionState } from '@poolscope/shared/vocabulary';
import { ConnectionRecord, type RecordOwner } from './connection-record';
import type { TargetEntry } from './target-set';

/** The two record fields only this file writes (the record declares them read-only). */
type OwnedFields = { state: ConnectionState; leakSuspect: boolean };

/**
 * The one owner of connection state: every record, its state, the per-state counts, each
 * target's open count and the leak-suspect count. Every transition goes through here, so the
 * counts are the gauges: `open` of a target counts its records not yet closing, and the
 * per-state counts always equal a recount of `records()`.
 */
export class ConnectionStates {
  readonly #records = new Set<ConnectionRecord>();
  #connecting = 0;
  #idle = 0;
  #validating = 0;
  #active = 0;
  #closing = 0;
  #leakSuspects = 0;
  #nextId = 1;

  get connecting(): number {
    return this.#connecting;
  }
  get idle(): number {
    return this.#idle;
  }
  get validating(): number {
    return this.#validating;
  }
  get active(): number {
    return this.#active;
  }
  get closing(): number {
    return this.#closing;
  }
  /** Connections not closing: what maxOpen bounds. */
  get open(): number {
    return this.#connecting + this.#idle + this.#validating + this.#active;
  }
  /** Every record, closing ones included (each holds a socket until it has closed). */
  get size(): number {
    return this.#records.size;
  }
  get leakSuspects(): number {
    return this.#leakSuspects;
  }

  records(): IterableIterator<ConnectionRecord> {
    return this.#records.values();
  }

  /** A new record for a dial to `entry`, state connecting. */
  add(entry: TargetEntry, nowMs: number, random: () => number, owner: RecordOwner): ConnectionRecord {
    const record = new ConnectionRecord(this.#nextId++, entry, nowMs, random, owner);
    this.#records.add(record);
    this.#connecting++;
    entry.open++;
    return record;
  }

  /** Between the open states; closing goes through close(), leaving through remove(). */
  move(record: ConnectionRecord, next: 'idle' | 'validating' | 'active'): void {
    this.#bump(record.state, -1);
    this.#bump(next, 1);
    (record as OwnedFields).state = next;
  }

  /** Into closing: no longer open, no longer a leak suspect. */
  close(record: ConnectionRecord): void {
    if (record.state === 'closing') return;
    this.clearLeak(record);
    this.#bump(record.state, -1);
    this.#closing++;
    (record as OwnedFields).state = 'closing';
    record.entry.open--;
  }

  /** Gone: its socket has closed (state closing) or its dial failed (state connecting). */
  remove(record: ConnectionRecord): void {
    if (!this.#records.delete(record)) return;
    if (record.state !== 'closing') {
      this.clearLeak(record);
      record.entry.open--;
    }
    this.#bump(record.state, -1);
  }

  flagLeak(record: ConnectionRecord): void {
    if (record.leakSuspect) return;
    (record as OwnedFields).leakSuspect = true;
    this.#leakSuspects++;
  }

  /** True if it was a suspect. */
  clearLeak(record: ConnectionRecord): boolean {
    if (!record.leakSuspect) return false;
    (record as OwnedFields).leakSuspect = false;
    this.#leakSuspects--;
    return true;
  }

  /** By a switch: a keyed access with five different keys is megamorphic and shows in profiles. */
  #bump(state: ConnectionState, delta: number): void {
    switch (state) {
      case 'idle':
        this.#idle += delta;
        break;
      case 'active':
        this.#active += delta;
        break;
      case 'connecting':
        this.#connecting += delta;
        break;
      case 'validating':
        this.#validating += delta;
        break;
      case 'closing':
        this.#closing += delta;
        break;
    }
  }
}
