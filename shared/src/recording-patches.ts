/**
 * Recording format 2 stores each frame (a whole snapshot, once a second) as a patch on the one
 * before it, since most of a snapshot (config, targets, the lesson) changes rarely. A patch is an
 * object whose keys say, each: `[value]` — set to this value; `[]` — removed; an object — patch
 * the value that was there (an object, or an array by index). The first frame is a patch on `{}`.
 */
export type Patch = { [key: string]: [unknown] | [] | Patch };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const same = (a: unknown, b: unknown): boolean => a === b || (isObject(a) && isObject(b) && JSON.stringify(a) === JSON.stringify(b));

/** What turns `before` into `after` (both plain JSON), or null when nothing changed. */
export function diff(before: unknown, after: unknown): Patch | null {
  if (!isObject(before) || !isObject(after) || Array.isArray(before) !== Array.isArray(after)) return null;
  if (Array.isArray(before) && before.length !== (after as unknown as unknown[]).length) return null;
  const patch: Patch = {};
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  for (const key of Object.keys(a)) if (!(key in b)) patch[key] = [];
  for (const [key, value] of Object.entries(b)) {
    if (value === undefined || same(a[key], value)) continue;
    patch[key] = diff(a[key], value) ?? [value];
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** A list of JSON objects to patches, each on the one before. */
export function toPatches(items: readonly object[]): Patch[] {
  let previous: unknown = {};
  return items.map((item) => {
    const patch = diff(previous, item) ?? {};
    previous = item;
    return patch;
  });
}

export class PatchError extends Error {}

/** `base` with `patch` applied; `base` is left as it was (unchanged parts are shared). Throws PatchError on a malformed patch. */
export function applyPatch(base: unknown, patch: unknown, path = ''): unknown {
  if (!isObject(patch) || Array.isArray(patch)) throw new PatchError(`the patch at ${path || '/'} is not an object`);
  if (!isObject(base)) throw new PatchError(`the patch at ${path || '/'} patches something that is not an object or array`);
  const out: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...base };
  const target = out as Record<string, unknown>;
  for (const [key, change] of Object.entries(patch)) {
    if (key === '__proto__') throw new PatchError(`the patch at ${path || '/'} names __proto__`);
    if (Array.isArray(out) && !(Number.isInteger(Number(key)) && Number(key) >= 0 && Number(key) < out.length))
      throw new PatchError(`the patch at ${path || '/'} names item ${key} of ${out.length}`);
    if (Array.isArray(change)) {
      if (change.length > 1) throw new PatchError(`the patch at ${path}/${key} sets more than one value`);
      if (change.length === 1) target[key] = change[0];
      else if (Array.isArray(out)) throw new PatchError(`the patch at ${path}/${key} removes an array item`);
      else delete target[key];
    } else target[key] = applyPatch(target[key], change, `${path}/${key}`);
  }
  return out;
}
