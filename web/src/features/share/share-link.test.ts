import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_CONFIG, DEFAULT_POOL_CONFIG } from '@poolscope/shared/config-rules';
import { decodeConfig, encodeConfig, shareUrl } from './share-link';

const defaults = { pool: { ...DEFAULT_POOL_CONFIG }, load: { ...DEFAULT_LOAD_CONFIG } };

describe('share link', () => {
  it('encodes nothing for the defaults', () => {
    expect(encodeConfig(defaults).toString()).toBe('');
    expect(shareUrl(defaults, { origin: 'http://h', pathname: '/' })).toBe('http://h/');
  });

  it('encodes only changed knobs, readably', () => {
    const config = {
      pool: { ...defaults.pool, maxOpen: 5, healthCheckMethod: 'probe' as const, watchIdle: false },
      load: { ...defaults.load, leakRate: 0.05 },
    };
    expect(encodeConfig(config).toString()).toBe('pool.maxOpen=5&pool.healthCheckMethod=probe&pool.watchIdle=false&load.leakRate=0.05');
  });

  it('round-trips a config through the URL with the right types', () => {
    const config = {
      pool: { ...defaults.pool, maxOpen: 5, watchIdle: false, idleOrder: 'fifo' as const },
      load: { ...defaults.load, mode: 'open' as const, ratePerSec: 250 },
    };
    const decoded = decodeConfig(`?${encodeConfig(config).toString()}&token=secret`);
    expect(decoded.patch).toEqual({ pool: { maxOpen: 5, idleOrder: 'fifo', watchIdle: false }, load: { mode: 'open', ratePerSec: 250 } });
    expect(decoded.changes.map((c) => `${c.knob.title} = ${c.text}`)).toContain('Max open connections = 5');
    expect(decoded.problems).toEqual([]);
  });

  it('reports unknown knobs and bad values instead of sending them', () => {
    const decoded = decodeConfig('?pool.maxOpenn=3&pool.watchIdle=maybe&load.concurrency=abc&pool.maxIdle=4');
    expect(decoded.patch).toEqual({ pool: { maxIdle: 4 } });
    expect(decoded.problems.map((p) => p.kind)).toEqual(['unknown-knob', 'bad-value', 'bad-value']);
  });
});
