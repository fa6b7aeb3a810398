/**
 * Live samples (10 Hz) win wherever they exist; a history sample (1 Hz) is taken only where no
 * live sample lies within one history interval of it: before the page opened, or in a gap while
 * it was disconnected. Both inputs are oldest first; so is the result.
 */
export function mergeHistory<T extends { t: number }>(live: readonly T[], history: readonly T[], intervalMs: number): T[] {
  const merged: T[] = [];
  let next = 0;
  let lastLive: T | undefined;
  for (const past of history) {
    while (next < live.length && (live[next] as T).t < past.t) {
      lastLive = live[next++] as T;
      merged.push(lastLive);
    }
    const after = live[next];
    const covered = (lastLive !== undefined && past.t - lastLive.t < intervalMs) || (after !== undefined && after.t - past.t < intervalMs);
    if (!covered) merged.push(past);
  }
  while (next < live.length) merged.push(live[next++] as T);
  return merged;
}
