import type { LabConfig, LabConfigPatch } from '@poolscope/shared/protocol';
import { LOAD_KNOBS, POOL_KNOBS, type Knob } from '../../lib/knobs';

const SCOPES = { pool: POOL_KNOBS, load: LOAD_KNOBS } as const;
type Scope = keyof typeof SCOPES;

/** Only the knobs that differ from their defaults, as readable `pool.maxOpen=5` query parameters. */
export function encodeConfig(config: LabConfig): URLSearchParams {
  const params = new URLSearchParams();
  for (const scope of Object.keys(SCOPES) as Scope[]) {
    const values = config[scope] as Record<string, unknown>;
    for (const knob of SCOPES[scope]) {
      const value = values[knob.name];
      if (value !== undefined && value !== knob.defaultValue) params.set(`${scope}.${knob.name}`, String(value));
    }
  }
  return params;
}

function parseValue(knob: Knob, text: string): { ok: true; value: unknown } | { ok: false } {
  if (knob.kind === 'boolean') return text === 'true' || text === 'false' ? { ok: true, value: text === 'true' } : { ok: false };
  if (knob.kind === 'enum') return knob.options.includes(text) ? { ok: true, value: text } : { ok: false };
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** A knob the link sets, with its value as written: the banner words it in the reader's language. */
export interface LinkChange {
  knob: Knob;
  text: string;
}
export type LinkProblem = { kind: 'unknown-knob'; key: string; scope: string } | { kind: 'bad-value'; knob: Knob; text: string };

export interface DecodedConfig {
  patch: LabConfigPatch;
  changes: LinkChange[];
  problems: LinkProblem[];
}

/** Read `pool.*` and `load.*` parameters back into a config patch; other parameters (token) are ignored. */
export function decodeConfig(search: string): DecodedConfig {
  const patch: { pool?: Record<string, unknown>; load?: Record<string, unknown> } = {};
  const changes: LinkChange[] = [];
  const problems: LinkProblem[] = [];
  for (const [key, text] of new URLSearchParams(search)) {
    const [scope, name] = key.split('.', 2) as [string, string | undefined];
    if (!(scope in SCOPES) || !name) continue;
    const knob = SCOPES[scope as Scope].find((k) => k.name === name);
    if (!knob) {
      problems.push({ kind: 'unknown-knob', key, scope });
      continue;
    }
    const parsed = parseValue(knob, text);
    if (!parsed.ok) {
      problems.push({ kind: 'bad-value', knob, text });
      continue;
    }
    (patch[scope as Scope] ??= {})[name] = parsed.value;
    changes.push({ knob, text });
  }
  return { patch: patch as LabConfigPatch, changes, problems };
}

export function shareUrl(config: LabConfig, location: { origin: string; pathname: string }): string {
  const query = encodeConfig(config).toString();
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}`;
}
