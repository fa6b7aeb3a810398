import { describe, expect, it } from 'vitest';
import { Value } from '@sinclair/typebox/value';
import { KNOB_MAPPINGS, POOL_LIBRARY_IDS } from '@poolscope/shared/export-protocol';
import { PoolConfigSchema, type PoolConfig } from '@poolscope/shared/pool-config';
import { POOL_KNOBS } from './knob-notes';
import { exportConfig } from './library-registry';
import { lifetimeSplit } from './pgxpool';

const defaults: PoolConfig = Value.Create(PoolConfigSchema);
const pool = (patch: Partial<PoolConfig>): PoolConfig => ({ ...defaults, ...patch });
const noteFor = (library: (typeof POOL_LIBRARY_IDS)[number], config: PoolConfig, knob: string, scale = 1) =>
  exportConfig(library, { pool: config }, { scale }).notes.find((n) => n.knob === knob)!;

describe('every export accounts for every lab knob', () => {
  const configs = [
    defaults,
    pool({ maxOpen: 0, idleTimeoutMs: 0, maxLifetimeMs: 0, heartbeatIntervalMs: 0, maxIdle: 0, minIdle: 0, idleOrder: 'fifo' }),
  ];
  it.each(POOL_LIBRARY_IDS.flatMap((id) => configs.map((c, i) => [id, i, c] as const)))(
    '%s (config %i): one note per knob, in ' + 'schema order',
    (id, _i, config) => {
      const result = exportConfig(id, { pool: config });
      expect(result.notes.map((n) => n.knob)).toEqual(POOL_KNOBS);
      for (const note of result.notes) {
        expect(KNOB_MAPPINGS).toContain(note.mapping);
        expect(note.message.length).toBeGreaterThan(10);
      }
      expect(result.text.trim().length).toBeGreaterThan(0);
    },
  );
});

describe('floors and clamps are flagged with what the library will do', () => {
  it(
    'HikariCP: idleTimeout under 10 s becomes 10 min, maxLifetime under 30 s becomes 30 min, connectionTimeout under 250 ms is ' +
      'refused so 250 is written',
    () => {
      const lab = pool({ idleTimeoutMs: 2000, maxLifetimeMs: 10_000, acquireTimeoutMs: 100, minIdle: 0 });
      expect(noteFor('hikaricp', lab, 'idleTimeoutMs')).toMatchObject({
        mapping: 'approximate',
        message: expect.stringContaining('10 min instead'),
      });
      expect(noteFor('hikaricp', lab, 'maxLifetimeMs')).toMatchObject({
        mapping: 'approximate',
        message: expect.stringContaining('30 min instead'),
      });
      expect(noteFor('hikaricp', lab, 'acquireTimeoutMs')).toMatchObject({
        mapping: 'approximate',
        message: expect.stringContaining('setConnectionTimeout() throws'),
      });
      expect(exportConfig('hikaricp', { pool: lab }).text).toContain('connectionTimeout=250\n');
      expect(noteFor('hikaricp', pool({ maxOpen: 4, maxIdle: 4, minIdle: 4 }), 'idleTimeoutMs').message).toContain('fixed-size pool');
      expect(noteFor('hikaricp', pool({ acquireTimeoutMs: 250 }), 'acquireTimeoutMs').mapping).toBe('exact');
    },
  );

  it('HikariCP: scale lifts lab-sized lifetimes over the floors and says so', () => {
    const lab = pool({ idleTimeoutMs: 2000, maxLifetimeMs: 10_000, heartbeatIntervalMs: 1000 });
    const scaled = exportConfig('hikaricp', { pool: lab }, { scale: 60 });
    expect(scaled.text).toContain('idleTimeout=120000\n');
    expect(scaled.text).toContain('maxLifetime=600000\n');
    expect(scaled.text).toContain('keepaliveTime=60000\n');
    expect(scaled.text).toContain(`connectionTimeout=${lab.acquireTimeoutMs}\n`);
    expect(noteFor('hikaricp', lab, 'idleTimeoutMs', 60).message).not.toContain('floor');
    expect(noteFor('hikaricp', lab, 'idleTimeoutMs', 60).message).toContain('Scaled ×60');
  });

  it('generic-pool: an idle timeout is exported with an eviction run, since idleTimeoutMillis does nothing without one', () => {
    const options = JSON.parse(exportConfig('generic-pool', { pool: pool({ idleTimeoutMs: 4000 }) }).text);
    expect(options).toMatchObject({ idleTimeoutMillis: 4000, evictionRunIntervalMillis: 1000 });
    expect(JSON.parse(exportConfig('generic-pool', { pool: pool({ idleTimeoutMs: 0 }) }).text).evictionRunIntervalMillis).toBeUndefined();
    expect(noteFor('generic-pool', pool({ idleTimeoutMs: 4000 }), 'idleTimeoutMs').message).toContain(
      'does nothing unless ' + 'evictionRunIntervalMillis',
    );
  });

  it('pg: one connectionTimeoutMillis covers the queue wait and the connect, so both notes say so and it takes the smaller', () => {
    const lab = pool({ acquireTimeoutMs: 3000, dialTimeoutMs: 700 });
    expect(JSON.parse(exportConfig('pg', { pool: lab }).text).connectionTimeoutMillis).toBe(700);
    for (const knob of ['acquireTimeoutMs', 'dialTimeoutMs']) {
      expect(noteFor('pg', lab, knob)).toMatchObject({
        mapping: 'approximate',
        message: expect.stringContaining('both the wait ' + 'for a client and the connect'),
      });
    }
  });

  it('mysql2: an idle timeout with maxIdle equal to connectionLimit is flagged as doing nothing', () => {
    expect(noteFor('mysql2', pool({ maxOpen: 10, maxIdle: 10 }), 'idleTimeoutMs').message).toContain('does nothing');
    expect(noteFor('mysql2', pool({ maxOpen: 10, maxIdle: 4 }), 'idleTimeoutMs').message).not.toContain('does nothing');
  });

  it("pgxpool: lifetime 90 % plus jitter 10 % spans the lab's window", () => {
    expect(lifetimeSplit(300_000)).toEqual({ baseMs: 270_000, jitterMs: 30_000 });
    expect(exportConfig('pgxpool', { pool: pool({ maxLifetimeMs: 300_000 }) }).text).toContain(
      'pool_max_conn_lifetime=4m30s&pool_max_conn_lifetime_jitter=30s',
    );
  });

  it('Go: maxIdle 0 disables keep-alives instead of writing MaxIdleConnsPerHost 0 (which Go reads as 2)', () => {
    const text = exportConfig('http-transport', { pool: pool({ maxIdle: 0, minIdle: 0 }) }).text;
    expect(text).toContain('DisableKeepAlives:   true');
    expect(text).not.toMatch(/MaxIdleConnsPerHost: +\d/);
  });
});
