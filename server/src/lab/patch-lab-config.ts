import { patchLoadConfig, patchPoolConfig } from '@poolscope/shared/config-rules';
import type { LabConfig } from '@poolscope/shared/protocol';
import type { ValidationDetail } from '@poolscope/shared/validation';
import { LabError } from './lab-error';

/**
 * The whole new lab config for a `{ pool?, load? }` patch, or a LabError listing every
 * problem in both halves: nothing is applied unless everything is valid.
 */
export function patchLabConfig(current: LabConfig, patch: unknown): LabConfig {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    throw LabError.invalidConfig([{ path: '/', message: 'expected a JSON object like { "pool": {...}, "load": {...} }' }]);
  }
  const details: ValidationDetail[] = Object.keys(patch)
    .filter((key) => key !== 'pool' && key !== 'load')
    .map((key) => ({ path: `/${key}`, message: 'unknown key: only "pool" and "load" can be patched' }));
  const { pool: poolPatch = {}, load: loadPatch = {} } = patch as { pool?: unknown; load?: unknown };
  const pool = patchPoolConfig(current.pool, poolPatch);
  const load = patchLoadConfig(current.load, loadPatch);
  if (!pool.ok) details.push(...pool.details.map((d) => ({ ...d, path: `/pool${d.path === '/' ? '' : d.path}` })));
  if (!load.ok) details.push(...load.details.map((d) => ({ ...d, path: `/load${d.path === '/' ? '' : d.path}` })));
  if (details.length > 0 || !pool.ok || !load.ok) throw LabError.invalidConfig(details);
  return { pool: pool.value, load: load.value };
}
