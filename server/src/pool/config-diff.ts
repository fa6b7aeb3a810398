/** The keys whose values differ, with their new values: the `changed` of a reconfigured event. */
export function changedFields<T extends object>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) changed[key] = after[key];
  }
  return changed;
}
