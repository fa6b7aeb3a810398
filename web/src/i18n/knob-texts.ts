import { LOAD_KNOBS, POOL_KNOBS, TARGET_KNOBS } from '../lib/knobs';

/** Every knob the shared schemas define, pool, load and target alike (their names never clash). */
export const ALL_KNOBS = [...POOL_KNOBS, ...LOAD_KNOBS, ...TARGET_KNOBS];

/**
 * The English knob names and help texts are the shared schemas' own `title` and `description`:
 * the schema stays their one source, and another language translates them by knob key.
 */
export function schemaKnobTexts(): Record<string, { title: string; description: string }> {
  return Object.fromEntries(ALL_KNOBS.map((k) => [k.name, { title: k.title, description: k.description }]));
}
