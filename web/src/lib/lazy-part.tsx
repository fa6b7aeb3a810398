import { use, type ComponentType, type JSX } from 'react';

export interface LazyPart<P extends object> {
  (props: P): JSX.Element;
  /** Starts fetching the part's chunk (once); resolves when it can render without suspending. */
  preload: () => Promise<void>;
}

const parts = new Set<LazyPart<never>>();

/**
 * A component whose code is a chunk of its own (issue 19: a phone fetches only what the page it
 * opens needs). Like React.lazy it suspends until the chunk is in, so it sits under a Suspense;
 * unlike it, once loaded it renders at once (no second fallback), and `preload` fetches it early.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetchPart = (): Promise<ComponentType<P>> => {
    pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        pending = null; // a failed fetch (the network dropped) is tried again on the next render
        throw error;
      },
    );
    return pending;
  };
  const Part = ((props: P) => {
    const Component = loaded ?? use(fetchPart());
    return <Component {...props} />;
  }) as LazyPart<P>;
  Part.preload = () => fetchPart().then(() => undefined);
  parts.add(Part as LazyPart<never>);
  return Part;
}

/**
 * Fetches every part known so far, and the parts those bring, until none is left: unit tests
 * assert what the parts show, not when their chunks arrive (e2e and the first-load budget do).
 */
export async function preloadAllParts(): Promise<void> {
  const done = new Set<LazyPart<never>>();
  while (done.size < parts.size) {
    const next = [...parts].filter((part) => !done.has(part));
    await Promise.all(next.map((part) => part.preload()));
    for (const part of next) done.add(part);
  }
}
