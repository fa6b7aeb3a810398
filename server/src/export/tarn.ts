import type { PoolConfig } from '@poolscope/shared/pool-config';
import { ImportParseError } from './import-parse-error';
import { importJsonOptions, jsonText, type JsonImporter } from './json-import';
import { KnobNotes } from './knob-notes';
import { maxOpenOrLargest, noUnlimitedMessage, type PoolLibrary } from './pool-library';

/** tarn has no "never" for idle reaping (0 means its default, 30 s): about 24.8 days stands in for it. */
const NEVER_MS = 2_147_483_647;

/** The options tarn.Pool takes (besides create/destroy/validate), shared by the tarn and knex exports. */
export function tarnOptions(c: PoolConfig) {
  return {
    min: c.minIdle,
    max: maxOpenOrLargest(c.maxOpen),
    acquireTimeoutMillis: c.acquireTimeoutMs,
    createTimeoutMillis: c.dialTimeoutMs,
    idleTimeoutMillis: c.idleTimeoutMs === 0 ? NEVER_MS : c.idleTimeoutMs,
    createRetryIntervalMillis: Math.max(1, c.dialBackoffBaseMs),
  };
}

function tarnNotes(title: string, c: PoolConfig, acquireOption: string) {
  const notes = new KnobNotes(title);
  if (c.maxOpen === 0) notes.approximate('maxOpen', noUnlimitedMessage(title, 'max (it must be > 0)'));
  else notes.exact('maxOpen', 'max: the cap on resources, free or used.');
  notes.approximate('minIdle', 'min: the reaper keeps at least min resources (free or used); tarn does not dial ahead of demand.');
  notes.none('maxIdle', 'tarn keeps every released resource until idleTimeoutMillis.');
  notes.none('maxWaiters', "tarn's pending acquires are unbounded.");
  notes.exact('acquireTimeoutMs', `${acquireOption}: how long an acquire waits.`);
  notes.exact('dialTimeoutMs', 'createTimeoutMillis: how long create() may take.');
  notes.approximate('dialBackoffBaseMs', 'createRetryIntervalMillis: a fixed delay between failed creates, not a doubling backoff.');
  notes.none('dialBackoffMaxMs', 'tarn retries creates at a fixed interval; there is no cap to set.');
  notes.approximate(
    'idleTimeoutMs',
    c.idleTimeoutMs === 0
      ? `tarn has no "never" (0 means 30 s): the export writes ${NEVER_MS} ms (about 24.8 days).`
      : 'idleTimeoutMillis: checked by the reaper every reapIntervalMillis (1 s), above min.',
  );
  notes.none('maxLifetimeMs', 'tarn has no lifetime limit: retire resources in validate() if you need one.');
  notes.approximate(
    'healthCheckMethod',
    'tarn calls your synchronous validate(resource) on every acquire; a round trip cannot ' + 'be done there.',
  );
  notes.approximate(
    'validateAfterIdleMs',
    'tarn validates on every acquire (like 0); make validate() skip recently used ' + 'resources yourself.',
  );
  notes.none('healthCheckTimeoutMs', 'validate() is synchronous, so there is no timeout.');
  notes.none('heartbeatIntervalMs', 'tarn never touches free resources except to reap them.');
  notes.add(
    'idleOrder',
    c.idleOrder === 'lifo' ? 'exact' : 'none',
    'tarn always reuses the most recently released resource ' + '(LIFO); acquires are served in order.',
  );
  notes.none('leakDetectionThresholdMs', 'tarn has no lease limit or leak detection (tarn #43).');
  notes.none(
    'shutdownGraceMs',
    'destroy() waits for used resources to be released; destroyTimeoutMillis bounds each destroy, ' + 'not the wait.',
  );
  return notes;
}

const tarnImporters: Record<string, JsonImporter> = {
  max: (p, r) => {
    p.number('maxOpen', r.number(), 'exact', 'max → maxOpen.');
    p.number('maxIdle', r.number(), 'approximate', 'tarn keeps every released resource: maxIdle = max.');
  },
  min: (p, r) => {
    p.number('minIdle', r.number(), 'approximate', 'min → minIdle (tarn does not dial ahead; the lab does).');
  },
  acquireTimeoutMillis: (p, r) => {
    p.number('acquireTimeoutMs', r.number(), 'exact', 'acquireTimeoutMillis → acquireTimeoutMs.');
  },
  createTimeoutMillis: (p, r) => {
    p.number('dialTimeoutMs', r.number(), 'exact', 'createTimeoutMillis → dialTimeoutMs.');
  },
  idleTimeoutMillis: (p, r) => {
    const ms = r.number();
    if (ms >= NEVER_MS) p.number('idleTimeoutMs', 0, 'approximate', 'idleTimeoutMillis this large stands for never: idleTimeoutMs 0.');
    else p.number('idleTimeoutMs', ms, 'approximate', 'idleTimeoutMillis → idleTimeoutMs.');
  },
  createRetryIntervalMillis: (p, r) => {
    p.number(
      'dialBackoffBaseMs',
      r.number(),
      'approximate',
      'createRetryIntervalMillis → ' + 'dialBackoffBaseMs (the lab doubles it per failure).',
    );
  },
};

export const tarn: PoolLibrary = {
  id: 'tarn',
  title: 'tarn.js',
  format: 'json',
  exportPool(c) {
    return { text: jsonText(tarnOptions(c)), notes: tarnNotes('tarn', c, 'acquireTimeoutMillis').finish() };
  },
  importText: (text) => importJsonOptions(text, tarnImporters),
};

/** knex's config fragment: `acquireConnectionTimeout` at the top, tarn's options under `pool`. */
export const knex: PoolLibrary = {
  id: 'knex',
  title: 'knex',
  format: 'json',
  exportPool(c) {
    const notes = tarnNotes('knex', c, 'acquireConnectionTimeout (knex passes it to tarn as acquireTimeoutMillis)');
    const { acquireTimeoutMillis, ...pool } = tarnOptions(c);
    return { text: jsonText({ acquireConnectionTimeout: acquireTimeoutMillis, pool }), notes: notes.finish() };
  },
  importText(text) {
    return importJsonOptions(text, {
      acquireConnectionTimeout: (p, r) => {
        p.number('acquireTimeoutMs', r.number(), 'exact', 'acquireConnectionTimeout → ' + 'acquireTimeoutMs.');
      },
      pool: (p, r) => {
        const pool = r.raw();
        if (pool === null || typeof pool !== 'object' || Array.isArray(pool))
          throw new ImportParseError(1, 'pool must be an ' + 'object of tarn options');
        const inner = importJsonOptions(JSON.stringify(pool), tarnImporters);
        Object.assign(p.patch, inner.patch);
        for (const note of inner.notes) p.note(note.knob, note.mapping, `pool.${note.message}`);
      },
    });
  },
};
