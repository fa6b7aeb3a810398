import { afterEach } from 'vitest';

/** Anything a test opens: an object with close() (pool, target, lab, client socket) or a closing function. */
export type Closable = { close(): unknown } | (() => unknown);

/**
 * The one open-and-close pattern of the server's tests. Call it at the top of a describe: it
 * returns `track`, which hands back what it is given, and after each test everything tracked
 * closes, newest first (so a pool closes before the target it dials), each awaited in turn.
 */
export type Track = <T extends Closable>(thing: T) => T;

export function closeAfterEach(): Track {
  const open: Closable[] = [];
  afterEach(async () => {
    for (const thing of open.splice(0).reverse()) await (typeof thing === 'function' ? thing() : thing.close());
  });
  return (thing) => {
    open.push(thing);
    return thing;
  };
}
