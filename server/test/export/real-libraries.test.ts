import genericPool from 'generic-pool';
import mysql from 'mysql2';
import pg from 'pg';
import tarn from 'tarn';
import { Client as UndiciClient, Pool as UndiciPool } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import type { PoolLibraryId } from '@poolscope/shared/export-protocol';
import { exportConfig } from '../../src/export/library-registry';
import { LAB_CONFIGS } from './lab-configs';

// Each JSON export is handed to the real library, which stores (and for tarn and undici validates) its options;
// the test reads back what the library holds. Two configs run through every check, so a read that ignored the
// export (or a library default that happened to equal the lab's) would fail on one of them.
const exported = (library: PoolLibraryId, pool: PoolConfig) => JSON.parse(exportConfig(library, { pool }).text) as Record<string, unknown>;
const neverCalled = () => new Promise<never>(() => {});
const symbolNamed = (target: object, name: string): symbol => {
  const found = Object.getOwnPropertySymbols(target).find((s) => s.description === name);
  if (!found) throw new Error(`no symbol ${name}`);
  return found;
};

describe.each(LAB_CONFIGS)('JSON exports load into the real library: %s', (_name, lab) => {
  it('pg.Pool holds max, min, idleTimeoutMillis, maxLifetimeSeconds and keepAlive as the lab has them', async () => {
    const pool = new pg.Pool(exported('pg', lab));
    const options = (pool as unknown as { options: Record<string, unknown> }).options;
    expect(options.max).toBe(lab.maxOpen);
    expect(options.min).toBe(lab.minIdle);
    expect(options.idleTimeoutMillis).toBe(lab.idleTimeoutMs);
    expect(options.connectionTimeoutMillis).toBe(Math.min(lab.acquireTimeoutMs, lab.dialTimeoutMs));
    expect(options.maxLifetimeSeconds).toBe(lab.maxLifetimeMs / 1000);
    expect(options.keepAlive).toBe(lab.keepAlive);
    await pool.end();
  });

  it("tarn.Pool accepts the options (it rejects unknown ones) and holds the lab's timings", async () => {
    const pool = new tarn.Pool({ ...(exported('tarn', lab) as { min: number; max: number }), create: neverCalled, destroy: () => {} });
    const fields = pool as unknown as Record<string, number>;
    expect(fields.min).toBe(lab.minIdle);
    expect(fields.max).toBe(lab.maxOpen);
    expect(fields.acquireTimeoutMillis).toBe(lab.acquireTimeoutMs);
    expect(fields.createTimeoutMillis).toBe(lab.dialTimeoutMs);
    expect(fields.idleTimeoutMillis).toBe(lab.idleTimeoutMs);
    expect(fields.createRetryIntervalMillis).toBe(lab.dialBackoffBaseMs);
    await pool.destroy();
  });

  it("knex's pool fragment is valid tarn options, with acquireConnectionTimeout the lab's acquire timeout", async () => {
    const knexConfig = exported('knex', lab) as { acquireConnectionTimeout: number; pool: Record<string, unknown> };
    expect(knexConfig.acquireConnectionTimeout).toBe(lab.acquireTimeoutMs);
    const pool = new tarn.Pool({
      ...(knexConfig.pool as { min: number; max: number }),
      acquireTimeoutMillis: knexConfig.acquireConnectionTimeout,
      create: neverCalled,
      destroy: () => {},
    });
    expect((pool as unknown as Record<string, number>).idleTimeoutMillis).toBe(lab.idleTimeoutMs);
    expect((pool as unknown as Record<string, number>).max).toBe(lab.maxOpen);
    await pool.destroy();
  });

  it("generic-pool holds the lab's knobs and an eviction run, without which idleTimeoutMillis does nothing", async () => {
    // autostart off only so the test never dials: the export itself asks for autostart (the lab dials minIdle at start).
    const options = exported('generic-pool', lab);
    expect(options.autostart).toBe(true);
    const pool = genericPool.createPool({ create: neverCalled, destroy: async () => {} }, { ...options, autostart: false });
    const config = (pool as unknown as { _config: Record<string, unknown> })._config;
    expect(config.max).toBe(lab.maxOpen);
    expect(config.min).toBe(lab.minIdle);
    expect(config.maxWaitingClients).toBe(lab.maxWaiters);
    expect(config.acquireTimeoutMillis).toBe(lab.acquireTimeoutMs);
    expect(config.idleTimeoutMillis).toBe(lab.idleTimeoutMs);
    expect(config.evictionRunIntervalMillis).toBeGreaterThan(0);
    expect(config.numTestsPerEvictionRun).toBe(lab.maxOpen);
    expect(config.fifo).toBe(lab.idleOrder === 'fifo');
    await pool.drain();
    await pool.clear();
  });

  it('undici Pool holds connections, keepAliveTimeout and clientTtl, and a Client accepts the timings', async () => {
    const options = exported('undici', lab);
    const pool = new UndiciPool('http://127.0.0.1:9', options);
    expect((pool as unknown as Record<symbol, unknown>)[symbolNamed(pool, 'connections')]).toBe(lab.maxOpen);
    const stored = (pool as unknown as Record<symbol, Record<string, unknown>>)[symbolNamed(pool, 'options')]!;
    expect(stored.keepAliveTimeout).toBe(lab.idleTimeoutMs);
    expect(stored.clientTtl).toBe(lab.maxLifetimeMs);
    // The Pool keeps connectTimeout inside its connector; a Client validates it (and keepAliveTimeout) the same way.
    const client = new UndiciClient('http://127.0.0.1:9', {
      connectTimeout: options.connectTimeout as number,
      keepAliveTimeout: options.keepAliveTimeout as number,
    });
    expect(options.connectTimeout).toBe(lab.dialTimeoutMs);
    expect((client as unknown as Record<symbol, unknown>)[symbolNamed(client, 'default keep alive timeout')]).toBe(lab.idleTimeoutMs);
    await client.close();
    await pool.close();
  });

  it('mysql2 createPool takes every option without an "invalid configuration option" warning and holds the lab\'s values', async () => {
    const warn = vi.spyOn(console, 'error').mockImplementation(() => {});
    const pool = mysql.createPool(exported('mysql2', lab) as mysql.PoolOptions);
    const warnings = warn.mock.calls.map((call) => String(call[0]));
    warn.mockRestore();
    expect(warnings.filter((w) => w.includes('invalid configuration option'))).toEqual([]);
    const config = (pool as unknown as { config: Record<string, unknown> & { connectionConfig: Record<string, unknown> } }).config;
    expect(config.connectionLimit).toBe(lab.maxOpen);
    expect(config.maxIdle).toBe(Math.min(lab.maxIdle, lab.maxOpen));
    expect(config.idleTimeout).toBe(lab.idleTimeoutMs);
    expect(config.queueLimit).toBe(lab.maxWaiters);
    expect(config.connectionConfig.connectTimeout).toBe(lab.dialTimeoutMs);
    expect(config.connectionConfig.enableKeepAlive).toBe(lab.keepAlive);
    await new Promise<void>((resolve) => pool.end(() => resolve()));
  });
});
