import { hasRecordingLink } from '../features/recording/recording-link';
import { connectLiveEarly } from '../lib/live-connection';
import { createDashboardStores } from '../lib/store-context';

// main.tsx imports this module second, right after fetch-view-early.ts: the socket's handshake and
// the lab's first snapshot then travel while React DOM, the texts and the view are still being
// evaluated (most of a second on a slow phone), instead of after the app's first render.

/** The app's one pair of stores: the live socket and a recording's playback both feed it (app.tsx). */
export const stores = createDashboardStores('after-paint');

// How this page starts is decided here, once: a page opened on a recording link plays it with the
// socket closed, and renders at once (firstRenderReady).
const connected = !hasRecordingLink(window.location.search);
if (connected) connectLiveEarly(stores);

/** How long React's first render waits for the lab's first snapshot: a slow lab gets the page without numbers. */
export const FIRST_SNAPSHOT_WAIT_MS = 600;

/**
 * Resolves when the live socket has brought its first snapshot (or failed, or FIRST_SNAPSHOT_WAIT_MS
 * have passed; at once on a page that opened no socket). main.tsx renders after it, so the first render
 * draws the numbers: rendered before, the page was rendered twice, and the handshake's messages
 * waited behind the first render and its layout (~0.3 s on a 4×-slowed phone, docs/BENCHMARKS.md
 * "First live number, session 11").
 */
export function firstSnapshotOrShortWait(): Promise<void> {
  const liveStore = stores.live;
  const arrived = () => liveStore.latest !== null || liveStore.status === 'offline';
  if (!connected || arrived()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      unsubscribe();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, FIRST_SNAPSHOT_WAIT_MS);
    const unsubscribe = liveStore.subscribe(() => {
      if (arrived()) done();
    });
  });
}

/**
 * When React's first render may start (besides the first language's texts, main.tsx): once the page's
 * view chunk is in (`viewLoaded`) and the lab's first snapshot, or its short wait, is over. Rendered
 * while the view was still loading, the view suspended and React drew it in a time-sliced retry
 * render that the socket's frames kept interrupting (~0.9 s on a 4×-slowed phone, docs/BENCHMARKS.md
 * "First live number, session 11"). A recording link's page renders at once instead: its first effect
 * starts fetching the file, the slow part (from navigation 0.4–0.6 s later when it waited for the view).
 */
export function firstRenderReady(viewLoaded: Promise<unknown>): Promise<void> {
  if (!connected) return Promise.resolve();
  return Promise.all([viewLoaded, firstSnapshotOrShortWait()]).then(() => undefined);
}
