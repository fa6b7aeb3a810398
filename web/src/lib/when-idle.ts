/** The longest a deferred piece of work waits for the browser to be idle. */
const IDLE_TIMEOUT_MS = 1000;
/** Where there is no requestIdleCallback: the time one slice of background work may take. */
const SLICE_MS = 8;

/**
 * Runs `run` when the browser has a moment with nothing to do (after the frames that are due), or
 * after IDLE_TIMEOUT_MS at the latest. Where there is no requestIdleCallback (jsdom, older Safari),
 * a timer stands in.
 */
export function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(run, 50);
}

/**
 * Background work in idle slices: `step` is called while the slice has time left (it should do a
 * small piece each call) and returns true once all is done. Returns a function that stops it.
 */
export function inIdleSlices(step: () => boolean): () => void {
  let cancel: () => void = () => undefined;
  const slice = (timeLeft: () => number) => {
    while (timeLeft() > 1) if (step()) return;
    schedule();
  };
  const schedule = () => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback((deadline) => slice(() => deadline.timeRemaining()));
      cancel = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(() => {
        const end = performance.now() + SLICE_MS;
        slice(() => end - performance.now());
      }, 0);
      cancel = () => clearTimeout(handle);
    }
  };
  schedule();
  return () => cancel();
}
