import { describe, expect, it } from 'vitest';
import { LOAD_KNOBS, POOL_KNOBS, parseKnobInput } from './knobs';

const byName = (name: string) => [...POOL_KNOBS, ...LOAD_KNOBS].find((k) => k.name === name);

describe('knobs read from the shared schemas', () => {
  it('takes label, range, default, unit and step from the schema', () => {
    expect(byName('maxOpen')).toMatchObject({ kind: 'number', title: 'Max open connections', min: 0, max: 5000, defaultValue: 10, unit: 'connections', step: 1 });
    expect(byName('acquireTimeoutMs')).toMatchObject({ title: 'Acquire timeout', unit: 'ms', step: 100, max: 60_000 });
    expect(byName('leakRate')).toMatchObject({ unit: 'fraction', step: 0.01, integer: false });
  });

  it('turns unions into enums and booleans into switches', () => {
    expect(byName('healthCheckMethod')).toMatchObject({ kind: 'enum', options: ['ping', 'probe', 'naive-probe', 'none'], defaultValue: 'ping' });
    expect(byName('framing')).toMatchObject({ kind: 'enum', defaultValue: 'length-prefixed' });
    expect(byName('watchIdle')).toMatchObject({ kind: 'boolean', defaultValue: true });
  });

  it('covers every pool and load knob with a description', () => {
    expect(POOL_KNOBS.length).toBeGreaterThanOrEqual(21);
    for (const knob of [...POOL_KNOBS, ...LOAD_KNOBS]) expect(knob.description, knob.name).not.toBe('');
  });

  it('parses typed numbers, rounding for integer knobs and refusing junk', () => {
    const maxOpen = byName('maxOpen');
    if (maxOpen?.kind !== 'number') throw new Error('maxOpen is numeric');
    expect(parseKnobInput(maxOpen, ' 12.6 ')).toBe(13);
    expect(parseKnobInput(maxOpen, 'abc')).toBeNull();
    expect(parseKnobInput(maxOpen, '')).toBeNull();
  });
});
