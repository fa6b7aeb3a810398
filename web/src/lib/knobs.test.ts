import { describe, expect, it } from 'vitest';
import { LOAD_KNOBS, POOL_KNOBS, niceCeil, parseKnobInput, sliderMax } from './knobs';

const byName = (name: string) => [...POOL_KNOBS, ...LOAD_KNOBS].find((k) => k.name === name);

describe('knobs read from the shared schemas', () => {
  it('takes label, range, default, unit and step from the schema', () => {
    expect(byName('maxOpen')).toMatchObject({
      kind: 'number',
      title: 'Max open connections',
      min: 0,
      max: 5000,
      defaultValue: 10,
      unit: 'connections',
      step: 1,
    });
    expect(byName('acquireTimeoutMs')).toMatchObject({ title: 'Acquire timeout', unit: 'ms', step: 100, max: 60_000 });
    expect(byName('leakRate')).toMatchObject({ unit: 'fraction', step: 0.01, integer: false });
  });

  it('turns unions into enums and booleans into switches', () => {
    expect(byName('healthCheckMethod')).toMatchObject({
      kind: 'enum',
      options: ['ping', 'probe', 'naive-probe', 'none'],
      defaultValue: 'ping',
    });
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

describe('slider working range', () => {
  const num = (name: string) => {
    const knob = [...POOL_KNOBS, ...LOAD_KNOBS].find((k) => k.name === name);
    if (knob?.kind !== 'number') throw new Error(`${name} is numeric`);
    return knob;
  };

  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([niceCeil(7), niceCeil(10), niceCeil(11), niceCeil(30), niceCeil(3_000_000)]).toEqual([10, 10, 20, 50, 5_000_000]);
  });

  it('spans ten times the default, widening with the value, never past the schema maximum', () => {
    expect(sliderMax(num('maxOpen'), 10)).toBe(100);
    expect(sliderMax(num('maxOpen'), 400)).toBe(1000);
    expect(sliderMax(num('maxOpen'), 4000)).toBe(5000);
    expect(sliderMax(num('maxLifetimeMs'), 300_000)).toBe(3_600_000);
    expect(sliderMax(num('acquireTimeoutMs'), 2000)).toBe(20_000);
  });

  it('keeps the whole schema range when it is short enough to drag', () => {
    expect(sliderMax(num('leakRate'), 0)).toBe(1);
  });
});
