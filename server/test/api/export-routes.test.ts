import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORTABLE_LIBRARY_IDS, POOL_LIBRARY_IDS } from '@poolscope/shared/export-protocol';
import type { PoolConfig } from '@poolscope/shared/pool-config';
import { POOL_KNOBS } from '../../src/export/knob-notes';
import { VARIED_POOL } from '../export/lab-configs';
import { startTestLab, type TestLab } from '../test-support/test-lab';

/** The knobs each import must give back unchanged after an export of VARIED_POOL (its exact mappings). */
const ROUND_TRIP: Record<(typeof IMPORTABLE_LIBRARY_IDS)[number], (keyof PoolConfig)[]> = {
  hikaricp: [
    'maxOpen',
    'minIdle',
    'acquireTimeoutMs',
    'idleTimeoutMs',
    'maxLifetimeMs',
    'healthCheckTimeoutMs',
    'heartbeatIntervalMs',
    'leakDetectionThresholdMs',
  ],
  pgxpool: ['maxOpen', 'minIdle', 'dialTimeoutMs', 'idleTimeoutMs', 'maxLifetimeMs', 'heartbeatIntervalMs', 'healthCheckTimeoutMs'],
  pg: ['maxOpen', 'minIdle', 'idleTimeoutMs', 'maxLifetimeMs', 'keepAlive'],
  tarn: ['maxOpen', 'minIdle', 'acquireTimeoutMs', 'dialTimeoutMs', 'idleTimeoutMs', 'dialBackoffBaseMs'],
  knex: ['maxOpen', 'minIdle', 'acquireTimeoutMs', 'dialTimeoutMs', 'idleTimeoutMs', 'dialBackoffBaseMs'],
  'generic-pool': ['maxOpen', 'minIdle', 'maxWaiters', 'acquireTimeoutMs', 'idleTimeoutMs', 'idleOrder'],
  undici: ['maxOpen', 'dialTimeoutMs', 'idleTimeoutMs', 'maxLifetimeMs'],
  mysql2: ['maxOpen', 'maxIdle', 'idleTimeoutMs', 'maxWaiters', 'dialTimeoutMs', 'keepAlive'],
};

describe('export and import routes', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
    const applied = await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: VARIED_POOL } });
    expect(applied.statusCode).toBe(200);
  });
  afterAll(async () => {
    await t.close();
  });

  const exportOf = (query: string) => t.app.inject({ method: 'GET', url: `/api/export?${query}` });

  it.each(POOL_LIBRARY_IDS)('GET /api/export?library=%s answers text and one note per lab knob for the current config', async (library) => {
    const response = await exportOf(`library=${library}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.library).toBe(library);
    expect(body.text.length).toBeGreaterThan(20);
    expect(body.notes.map((n: { knob: string }) => n.knob)).toEqual(POOL_KNOBS);
  });

  it('the export follows the current config', async () => {
    expect((await exportOf('library=hikaricp')).json().text).toContain(`maximumPoolSize=${VARIED_POOL.maxOpen}\n`);
    await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: 21 } } });
    expect((await exportOf('library=hikaricp')).json().text).toContain('maximumPoolSize=21\n');
    await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: { maxOpen: VARIED_POOL.maxOpen } } });
  });

  it('an unknown library is a 400 UNKNOWN_LIBRARY that lists every valid id', async () => {
    const response = await exportOf('library=c3p0');
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNKNOWN_LIBRARY');
    for (const id of POOL_LIBRARY_IDS) expect(response.json().message).toContain(id);
    expect((await exportOf('')).statusCode).toBe(400);
  });

  it('arm=b is a 409 NO_COMPARISON while no comparison runs; arm=a is the current config', async () => {
    const b = await exportOf('library=pg&arm=b');
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('NO_COMPARISON');
    expect((await exportOf('library=pg&arm=a')).json()).toEqual((await exportOf('library=pg')).json());
    expect((await exportOf('library=pg&arm=c')).statusCode).toBe(400);
  });

  it("arm=b exports the comparison's second pool while one runs", async () => {
    const started = await t.app.inject({
      method: 'PUT',
      url: '/api/compare',
      payload: { b: { pool: { maxOpen: 4, maxIdle: 4, minIdle: 0 } } },
    });
    expect(started.statusCode, started.body).toBe(200);
    try {
      const b = JSON.parse((await exportOf('library=pg&arm=b')).json().text);
      const a = JSON.parse((await exportOf('library=pg&arm=a')).json().text);
      expect(b.max).toBe(4);
      expect(a.max).toBe(t.lab.pool.config.maxOpen);
    } finally {
      await t.app.inject({ method: 'DELETE', url: '/api/compare' });
    }
  });

  it('scale multiplies the lifetimes; a scale out of range is a 400', async () => {
    const text = (await exportOf('library=pg&scale=10')).json().text;
    expect(JSON.parse(text).idleTimeoutMillis).toBe(VARIED_POOL.idleTimeoutMs * 10);
    expect(JSON.parse(text).connectionTimeoutMillis).toBe(Math.min(VARIED_POOL.acquireTimeoutMs, VARIED_POOL.dialTimeoutMs));
    for (const scale of ['0', '-2', 'ten', '1001', '2.5']) expect((await exportOf(`library=pg&scale=${scale}`)).statusCode).toBe(400);
  });

  it.each(IMPORTABLE_LIBRARY_IDS)(
    "export then POST /api/import for %s gives back the lab's values, and the patch " + 'applies',
    async (library) => {
      const before = (await t.app.inject({ method: 'GET', url: '/api/config' })).json();
      const { text } = (await exportOf(`library=${library}`)).json();
      const response = await t.app.inject({ method: 'POST', url: '/api/import', payload: { library, text } });
      expect(response.statusCode).toBe(200);
      const { patch, notes } = response.json();
      for (const knob of ROUND_TRIP[library]) expect([knob, patch[knob]]).toEqual([knob, VARIED_POOL[knob]]);
      // Only what the text set, each with its note: a knob the import did not read must not ride along at its default.
      for (const knob of Object.keys(patch)) expect([knob, notes.some((n: { knob: string }) => n.knob === knob)]).toEqual([knob, true]);
      // Not applied by the import itself.
      expect((await t.app.inject({ method: 'GET', url: '/api/config' })).json()).toEqual(before);
      const applied = await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: patch } });
      expect(applied.statusCode).toBe(200);
      await t.app.inject({ method: 'PATCH', url: '/api/config', payload: { pool: VARIED_POOL } });
    },
  );

  const badTexts: [string, string, number][] = [
    ['hikaricp', 'maximumPoolSize=10\nidleTimeout=soon\n', 2],
    ['hikaricp', '# ok\n\n=novalue\n', 3],
    ['pg', '{\n  "max": 10,\n  "idleTimeoutMillis": x\n}', 3],
    ['pg', '{\n  "max": "ten"\n}', 2],
    ['tarn', '[1, 2]', 1],
    ['pgxpool', 'postgres://h/db?pool_max_conns=10\npostgres://h/db?pool_max_conn_idle_time=5minutes', 2],
    ['pgxpool', 'nothing here', 1],
    ['mysql2', '{ "connectionLimit": 5, "enableKeepAlive": "yes" }', 1],
  ];

  it.each(badTexts)('import of bad %s text is a 400 IMPORT_PARSE_FAILED naming line %#', async (library, text, line) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/import', payload: { library, text } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('IMPORT_PARSE_FAILED');
    expect(response.json().message).toContain(`line ${line}:`);
  });

  it('import of a library that has no importer is a 400 listing the importable ones', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/import', payload: { library: 'pgbouncer', text: '[pgbouncer]' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('UNKNOWN_LIBRARY');
    expect(response.json().message).toContain('hikaricp');
  });
});

describe('import edge cases', () => {
  let t: TestLab;
  beforeAll(async () => {
    t = await startTestLab();
  });
  afterAll(async () => {
    await t.close();
  });
  const importOf = async (library: string, text: string) =>
    (await t.app.inject({ method: 'POST', url: '/api/import', payload: { library, text } })).json();

  it('a library\'s "forever" becomes the lab\'s largest value, and out-of-range values are clamped with a note', async () => {
    const pg = await importOf('pg', '{ "connectionTimeoutMillis": 0, "max": 100000 }');
    expect(pg.patch).toMatchObject({ acquireTimeoutMs: 60_000, dialTimeoutMs: 30_000, maxOpen: 5000 });
    expect(pg.notes.find((n: { knob: string }) => n.knob === 'maxOpen').message).toContain("outside the lab's 0..5000");
  });

  it('options without a lab knob are listed as none, not dropped silently', async () => {
    const hikari = await importOf('hikaricp', 'jdbcUrl=jdbc:postgresql://db/app\nmaximumPoolSize=12\n');
    expect(hikari.patch).toEqual({ maxOpen: 12, maxIdle: 12 });
    expect(hikari.notes).toContainEqual(expect.objectContaining({ knob: 'jdbcUrl', mapping: 'none' }));
  });

  it("pgxpool reads Go assignments and pool_ping_timeout as well as the string's pool_ parameters", async () => {
    const text = [
      'config, err := pgxpool.ParseConfig("postgres://u@h/db?pool_max_conns=8&pool_ping_timeout=700ms")',
      'config.MinIdleConns = 3',
      'config.MaxConnIdleTime = 2 * time.Minute',
    ].join('\n');
    expect((await importOf('pgxpool', text)).patch).toEqual({
      maxOpen: 8,
      maxIdle: 8,
      healthCheckTimeoutMs: 700,
      minIdle: 3,
      idleTimeoutMs: 120_000,
    });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/import',
      payload: { library: 'pgxpool', text: 'config.PingTimeout = soon' },
    });
    expect(bad.json().message).toContain('line 1: PingTimeout must be a duration');
  });
});
