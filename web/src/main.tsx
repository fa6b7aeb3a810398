// First, so the page's view chunk is on its way while everything below is evaluated.
import './app/fetch-view-early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n';
import { App, preloadView } from './app/app';
import { exposeStoreForProfiling } from './lib/profiling-hook';
import { createDashboardStores, StoresProvider } from './lib/store-context';
import { connectLiveEarly } from './lib/live-connection';
import { hasRecordingLink } from './features/recording/recording-link';
import './app/theme.css';
import './app/app.css';

// The app's one pair of stores: the live socket and a recording's playback both feed it (app.tsx).
const stores = createDashboardStores();
if (import.meta.env.MODE === 'profiling') exposeStoreForProfiling(stores);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
// The page's view (dashboard, audience…) is a chunk of its own, already on its way
// (fetch-view-early.ts): its lazy part takes it from there, so it renders without suspending.
preloadView(window.location);
// The socket opens now, not in the app's first effect (live-connection.ts says why); a page opened
// on a recording link plays it with the socket closed.
if (!hasRecordingLink(window.location.search)) connectLiveEarly(stores);
// After the first language's texts: a Chinese browser's first paint is Chinese (its texts are a
// chunk of their own); for English this waits one microtask.
void i18nReady.then(() => {
  createRoot(rootElement).render(
    <StrictMode>
      <StoresProvider value={stores}>
        <App />
      </StoresProvider>
    </StrictMode>,
  );
});
