import type { ArmConfigPatch } from '@poolscope/shared/compare';
import type { LabConfig } from '@poolscope/shared/protocol';
import type { ValidationDetail } from '@poolscope/shared/validation';
import { LabError } from './lab-error';
import { patchLabConfig } from './patch-lab-config';

export interface ParsedCompareRequest {
  config: LabConfig;
  patch: ArmConfigPatch;
  seed: number | null;
}

/**
 * `{ b: { pool?, load? }, seed? }` against the config B starts from: `b` is checked exactly as
 * `PATCH /api/config` checks its body (every field and cross-field rule, all or nothing), with
 * paths under `/b`. A missing `b` means B = the base config (an A/A run, to see the noise).
 */
export function parseCompareRequest(base: LabConfig, body: unknown): ParsedCompareRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw LabError.invalidConfig([{ path: '/', message: 'expected a JSON object like { "b": { "pool": {...}, "load": {...} } }' }]);
  }
  const details: ValidationDetail[] = Object.keys(body)
    .filter((key) => key !== 'b' && key !== 'seed')
    .map((key) => ({ path: `/${key}`, message: 'unknown key: only "b" (and "seed") can be given' }));
  const { b = {}, seed } = body as { b?: unknown; seed?: unknown };
  if (seed !== undefined && !(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= 0xffff_ffff)) {
    details.push({ path: '/seed', message: 'seed must be an integer from 0 to 4294967295' });
  }
  let config: LabConfig | null = null;
  try {
    config = patchLabConfig(base, b);
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    details.push(...error.details.map((d) => ({ ...d, path: `/b${d.path === '/' ? '' : d.path}` })));
  }
  if (details.length > 0 || config === null) throw LabError.invalidConfig(details);
  return { config, patch: b as ArmConfigPatch, seed: seed === undefined ? null : (seed as number) };
}
