import type { KnobMapping, KnobNote } from '@poolscope/shared/export-protocol';
import { PoolConfigSchema, type PoolConfigPatch } from '@poolscope/shared/pool-config';
import type { PoolKnob } from './knob-notes';

/** The lab's largest value for a knob: what a library's "forever" becomes. */
export function labMaximum(knob: NumericKnob): number {
  return (PoolConfigSchema.properties[knob] as { maximum: number }).maximum;
}

export type NumericKnob = { [K in PoolKnob]: PoolConfigPatch[K] extends number | undefined ? K : never }[PoolKnob];

/**
 * Builds an import's lab patch and its notes. A value outside the lab's range is clamped into it
 * (and the note says so), so an import's patch always passes the lab's own validation per knob.
 */
export class ImportPatch {
  readonly patch: PoolConfigPatch = {};
  private readonly notes: KnobNote[] = [];

  number(knob: NumericKnob, value: number, mapping: KnobMapping, message: string): this {
    const schema = PoolConfigSchema.properties[knob] as { minimum: number; maximum: number };
    const rounded = Math.round(value);
    const clamped = Math.min(schema.maximum, Math.max(schema.minimum, rounded));
    (this.patch as Record<string, unknown>)[knob] = clamped;
    if (clamped !== rounded) {
      return this.note(
        knob,
        'approximate',
        `${message} ${rounded} is outside the lab's ${schema.minimum}..${schema.maximum}; ` + `set to ${clamped}.`,
      );
    }
    return this.note(knob, mapping, message);
  }

  value<K extends PoolKnob>(knob: K, value: NonNullable<PoolConfigPatch[K]>, mapping: KnobMapping, message: string): this {
    (this.patch as Record<string, unknown>)[knob] = value;
    return this.note(knob, mapping, message);
  }

  note(knob: string, mapping: KnobMapping, message: string): this {
    this.notes.push({ knob, mapping, message });
    return this;
  }

  result(): { patch: PoolConfigPatch; notes: KnobNote[] } {
    return { patch: this.patch, notes: this.notes };
  }
}
