/**
 * One request in flight for everyone who asks while it runs: components that mount together and
 * each want the same static answer (the lab's lessons, its scenarios) make one request between them.
 * The next ask after it settles asks again (a failed answer is not kept; the callers keep a good one).
 */
export function askOnce<T>(ask: () => Promise<T>): () => Promise<T> {
  let asking: Promise<T> | null = null;
  return () =>
    (asking ??= ask().finally(() => {
      asking = null;
    }));
}
