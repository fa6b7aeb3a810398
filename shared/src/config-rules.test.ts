import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LOAD_CONFIG,
  DEFAULT_POOL_CONFIG,
  DEFAULT_TARGET_KNOBS,
  patchLoadConfig,
  patchPoolConfig,
  patchTargetKnobs,
} from './config-rules';
import { PoolConfigSchema } from './pool-config';

describe('config rules', () => {
  it('defaults satisfy their own schemas and cross-field rules', () => {
    expect(patchPoolConfig(DEFAULT_POOL_CONFIG, {})).toEqual({ ok: true, value: DEFAULT_POOL_CONFIG });
    expect(patchLoadConfig(DEFAULT_LOAD_CONFIG, {})).toEqual({ ok: true, value: DEFAULT_LOAD_CONFIG });
    expect(patchTargetKnobs(DEFAULT_TARGET_KNOBS, {})).toEqual({ ok: true, value: DEFAULT_TARGET_KNOBS });
  });

  it('applies a valid partial patch over the current config', () => {
    const result = patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpen: 20, maxIdle: 20 });
    expect(result.ok && result.value.maxOpen).toBe(20);
    expect(result.ok && result.value.acquireTimeoutMs).toBe(DEFAULT_POOL_CONFIG.acquireTimeoutMs);
  });

  it('rejects out-of-range values with the path and the allowed range', () => {
    const result = patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpen: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.details[0]?.path).toBe('/maxOpen');
    expect(result.details[0]?.message).toContain('allowed 0 to 5000');
  });

  it('rejects unknown keys, wrong types and non-objects', () => {
    expect(patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpenn: 3 }).ok).toBe(false);
    expect(patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpen: '3' }).ok).toBe(false);
    expect(patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpen: 2.5 }).ok).toBe(false);
    expect(patchPoolConfig(DEFAULT_POOL_CONFIG, [1]).ok).toBe(false);
    expect(patchPoolConfig(DEFAULT_POOL_CONFIG, null).ok).toBe(false);
    expect(patchLoadConfig(DEFAULT_LOAD_CONFIG, { framing: 'bogus' }).ok).toBe(false);
  });

  it('rejects a whole patch when one field of it breaks a cross-field rule', () => {
    const result = patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpen: 4, minIdle: 5, maxIdle: 5 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.details.map((d) => d.path)).toContain('/minIdle');
  });

  it('carries slider metadata (label, range, unit) on every numeric knob', () => {
    for (const [name, schema] of Object.entries(PoolConfigSchema.properties)) {
      expect(typeof schema.title, name).toBe('string');
      if (schema.type === 'integer') {
        expect(typeof schema.minimum, name).toBe('number');
        expect(typeof schema.maximum, name).toBe('number');
        expect(typeof schema['x-unit'], name).toBe('string');
      }
    }
  });

  it('rejects every health-check, framing and leak knob whole when out of range or of the wrong kind', () => {
    const poolCases = [
      { healthCheckMethod: 'telepathy' },
      { validateAfterIdleMs: -1 },
      { validateAfterIdleMs: 600_001 },
      { watchIdle: 'yes' },
      { leakDetectionThresholdMs: -5 },
      { leakDetectionThresholdMs: 10_000_000 },
      { heartbeatIntervalMs: 1.5 },
    ];
    for (const patch of poolCases) {
      const result = patchPoolConfig(DEFAULT_POOL_CONFIG, { maxOpen: 3, maxIdle: 3, minIdle: 1, ...patch });
      expect(result.ok, JSON.stringify(patch)).toBe(false);
    }
    const loadCases = [{ framing: 'raw' }, { leakRate: 1.01 }, { leakRate: -0.1 }, { payloadBytes: 262_145 }, { payloadBytes: 0 }];
    for (const patch of loadCases)
      expect(patchLoadConfig(DEFAULT_LOAD_CONFIG, { concurrency: 3, ...patch }).ok, JSON.stringify(patch)).toBe(false);
  });

  it('accepts the documented extremes of the issue-8 knobs', () => {
    expect(
      patchPoolConfig(DEFAULT_POOL_CONFIG, {
        healthCheckMethod: 'naive-probe',
        validateAfterIdleMs: 0,
        watchIdle: false,
        leakDetectionThresholdMs: 600_000,
      }).ok,
    ).toBe(true);
    expect(patchLoadConfig(DEFAULT_LOAD_CONFIG, { framing: 'none', leakRate: 1, payloadBytes: 262_144 }).ok).toBe(true);
  });
});
