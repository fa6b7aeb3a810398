import fc from 'fast-check';
import { runSeed } from './run-seed';
import { DEFAULT_LOAD_CONFIG, DEFAULT_POOL_CONFIG, DEFAULT_TARGET_KNOBS } from '@poolscope/shared/config-rules';

/** One seed per run (per test file), printed; POOLSCOPE_FUZZ_SEED replays it. */
export const FUZZ_SEED = runSeed('POOLSCOPE_FUZZ_SEED', 'fuzz');

/** Values a knob might be sent: in and out of range, wrong types, the enums' words, edge numbers. */
export const knobValue = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }),
  fc.constantFrom(0, 1, 2, 10, 5000, 5001, 60_000, 600_000, 600_001, -0, 0.5, 1e21, Number.MAX_SAFE_INTEGER),
  fc.double({ min: -1, max: 2, noNaN: true }),
  fc.boolean(),
  fc.constantFrom('ping', 'probe', 'naive-probe', 'none', 'lifo', 'fifo', 'closed', 'open', 'length-prefixed', '10', ''),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.string({ maxLength: 8 }),
);

/** Mostly known knob names (so some patches are valid), sometimes unknown ones, sometimes prototype tricks. */
function knobPatch(names: string[]) {
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...names) },
    fc.string({ maxLength: 10 }),
    fc.constantFrom('__proto__', 'constructor', 'toString'),
  );
  return fc.dictionary(key, knobValue, { maxKeys: 4 });
}

/** Every pool knob; every load knob but `running` (a fuzzed lab never starts load by accident). */
export const poolPatch = knobPatch(Object.keys(DEFAULT_POOL_CONFIG));
export const loadPatch = knobPatch(Object.keys(DEFAULT_LOAD_CONFIG).filter((k) => k !== 'running'));
export const targetKnobsPatch = knobPatch(Object.keys(DEFAULT_TARGET_KNOBS));

/** A `{ pool?, load? }` body: structured, or any JSON at all. */
export const configBody = fc.oneof(
  { weight: 4, arbitrary: fc.record({ pool: poolPatch, load: loadPatch }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.record({ pool: poolPatch, load: loadPatch, extra: fc.jsonValue() }, { requiredKeys: ['extra'] }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** What a body looks like after a JSON round trip, which is all the server ever sees of it. */
export function viaJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}
