import { LoadConfigSchema } from '@poolscope/shared/load-config';
import { PoolConfigSchema } from '@poolscope/shared/pool-config';
import { TargetKnobsSchema } from '@poolscope/shared/target-config';

/** The JSON Schema keywords the controls read (TypeBox schemas are plain JSON Schema objects). */
type FieldSchema = Record<string, unknown> & { anyOf?: { const?: unknown }[] };

/** What a control needs to know about one config field, read from the shared schema. */
export type Knob =
  | {
      kind: 'number';
      name: string;
      title: string;
      description: string;
      min: number;
      max: number;
      step: number;
      unit: string;
      defaultValue: number;
      integer: boolean;
    }
  | { kind: 'enum'; name: string; title: string; description: string; options: string[]; defaultValue: string }
  | { kind: 'boolean'; name: string; title: string; description: string; defaultValue: boolean };

export function knobOf(name: string, schema: FieldSchema): Knob {
  const title = typeof schema.title === 'string' ? schema.title : name;
  const description = typeof schema.description === 'string' ? schema.description : '';
  if (schema.type === 'boolean') return { kind: 'boolean', name, title, description, defaultValue: schema.default === true };
  if (Array.isArray(schema.anyOf)) {
    const options = schema.anyOf.map((s) => String(s.const));
    return { kind: 'enum', name, title, description, options, defaultValue: String(schema.default ?? options[0]) };
  }
  const integer = schema.type === 'integer';
  const step = typeof schema['x-step'] === 'number' ? schema['x-step'] : integer ? 1 : 0.01;
  return {
    kind: 'number',
    name,
    title,
    description,
    integer,
    step,
    min: Number(schema.minimum ?? 0),
    max: Number(schema.maximum ?? 100),
    unit: typeof schema['x-unit'] === 'string' ? schema['x-unit'] : '',
    defaultValue: Number(schema.default ?? schema.minimum ?? 0),
  };
}

function knobsOf(schema: { properties: object }): Knob[] {
  return Object.entries(schema.properties as Record<string, FieldSchema>).map(([name, field]) => knobOf(name, field));
}

export const POOL_KNOBS: readonly Knob[] = knobsOf(PoolConfigSchema);
export const LOAD_KNOBS: readonly Knob[] = knobsOf(LoadConfigSchema);
export const TARGET_KNOBS: readonly Knob[] = knobsOf(TargetKnobsSchema);

/** Snap a typed value to the knob's step and clamp nothing: the server decides what is allowed. */
export function parseKnobInput(knob: Extract<Knob, { kind: 'number' }>, text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return null;
  return knob.integer ? Math.round(value) : value;
}

/** The next "nice" number (1, 2 or 5 × 10^k) at or above `value`. */
export function niceCeil(value: number): number {
  if (value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const nice = [1, 2, 5, 10].map((m) => m * power).find((n) => n >= value * (1 - 1e-9));
  return nice ?? 10 * power;
}

/**
 * The slider's upper end. A schema range like 0–5,000 connections would leave the default (10)
 * in the first pixel, so the slider spans a working range — ten times the default, or twice
 * the current value, whichever is larger — capped at the schema maximum. The number box still
 * takes anything the schema allows, and the slider widens as the value grows.
 */
export function sliderMax(knob: Extract<Knob, { kind: 'number' }>, value: number): number {
  if ((knob.max - knob.min) / knob.step <= 400) return knob.max;
  const wanted = Math.max(knob.defaultValue * 10, value * 2, knob.min + knob.step * 10);
  return Math.min(knob.max, niceCeil(wanted));
}
