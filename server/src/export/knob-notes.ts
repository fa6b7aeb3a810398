import type { KnobMapping, KnobNote } from '@poolscope/shared/export-protocol';
import { PoolConfigSchema, type PoolConfig } from '@poolscope/shared/pool-config';

export type PoolKnob = keyof PoolConfig;

/** Every lab pool knob, in the schema's order: the order notes are listed in. */
export const POOL_KNOBS = Object.keys(PoolConfigSchema.properties) as PoolKnob[];

/**
 * Collects one note per knob. `finish` fills the knobs a library file did not mention with the
 * lab-only defaults below and fails loudly if a knob is still missing, so a new lab knob cannot be
 * added without every library saying what becomes of it.
 */
export class KnobNotes {
  private readonly notes = new Map<PoolKnob, KnobNote>();

  constructor(private readonly libraryTitle: string) {}

  exact(knob: PoolKnob, message: string): this {
    return this.add(knob, 'exact', message);
  }
  approximate(knob: PoolKnob, message: string): this {
    return this.add(knob, 'approximate', message);
  }
  none(knob: PoolKnob, message: string): this {
    return this.add(knob, 'none', message);
  }

  add(knob: PoolKnob, mapping: KnobMapping, message: string): this {
    this.notes.set(knob, { knob, mapping, message });
    return this;
  }

  has(knob: PoolKnob): boolean {
    return this.notes.has(knob);
  }

  finish(): KnobNote[] {
    return POOL_KNOBS.map((knob) => {
      const note = this.notes.get(knob) ?? labOnlyNote(knob, this.libraryTitle);
      if (!note) throw new Error(`export: no note for pool knob ${knob} (${this.libraryTitle})`);
      return note;
    });
  }
}

/** What most libraries do about the knobs that shape the lab's own wire and engine rather than a pool's policy. */
function labOnlyNote(knob: PoolKnob, title: string): KnobNote | undefined {
  const none = (message: string): KnobNote => ({ knob, mapping: 'none', message });
  switch (knob) {
    case 'dialBackoffBaseMs':
    case 'dialBackoffMaxMs':
      return none(
        `${title} has no dial backoff knob: a failed connect is retried on the next acquire (or the library's own ` + `fixed schedule).`,
      );
    case 'watchIdle':
      return none(`${title} has no such switch: whether a remote close of an idle connection is noticed at once depends on its I/O model.`);
    case 'noDelay':
      return none(`${title} leaves TCP_NODELAY to the driver or socket factory (Node and Go set it on by default).`);
    case 'keepAlive':
      return none(`${title} leaves SO_KEEPALIVE to the driver or socket factory.`);
    case 'shutdownGraceMs':
      return none(`${title} has no shutdown grace knob: closing the pool waits for (or drops) loans in its own way.`);
    case 'maxLifetimeJitterPct':
      return none(
        `${title} has no lifetime jitter knob: connections dialled together are retired together unless the library ` +
          `adds a variance of its own.`,
      );
    case 'maxFrameBytes':
      return none("The lab's wire framing limit; a real protocol enforces its own message limits.");
    default:
      return undefined;
  }
}
