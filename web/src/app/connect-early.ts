import { hasRecordingLink } from '../features/recording/recording-link';
import { connectLiveEarly } from '../lib/live-connection';
import { createDashboardStores } from '../lib/store-context';

// main.tsx imports this module second, right after fetch-view-early.ts: the socket's handshake and
// the lab's first snapshot then travel while React DOM, the texts and the view are still being
// evaluated (most of a second on a slow phone), instead of after the app's first render.

/** The app's one pair of stores: the live socket and a recording's playback both feed it (app.tsx). */
export const stores = createDashboardStores('after-paint');

// A page opened on a recording link plays it with the socket closed.
if (!hasRecordingLink(window.location.search)) connectLiveEarly(stores);
