// First, so the page's view chunk is on its way while everything below is evaluated.
import './app/fetch-view-early';
// Second: the socket opens before React DOM and the texts are evaluated (connect-early.ts).
import { firstRenderReady, stores } from './app/connect-early';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n';
import { App, preloadView } from './app/app';
import { exposeStoreForProfiling } from './lib/profiling-hook';
import { StoresProvider } from './lib/store-context';
import './app/theme.css';
import './app/app.css';

if (import.meta.env.MODE === 'profiling') exposeStoreForProfiling(stores);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
// The page's view (dashboard, audience…) is a chunk of its own, already on its way
// (fetch-view-early.ts); the first render waits for it and for the lab's first snapshot, except on a
// recording link (firstRenderReady, connect-early.ts). A view that failed to load is tried again by
// its lazy part when it renders.
const viewLoaded = preloadView(window.location).catch(() => undefined);
// And after the first language's texts: a Chinese browser's first paint is Chinese (its texts are
// a chunk of their own); for English this waits one microtask.
void Promise.all([i18nReady, firstRenderReady(viewLoaded)]).then(() => {
  const root = createRoot(rootElement);
  // Synchronously, so the view's store subscriptions (useSyncExternalStore subscribes in a passive
  // effect) are live when the commit ends. Rendered at the default priority, React left those
  // effects until after the page's first layout and paint (~0.3–0.5 s on a slowed phone), and a
  // snapshot that came in meanwhile reached the numbers only then.
  flushSync(() =>
    root.render(
      <StrictMode>
        <StoresProvider value={stores}>
          <App />
        </StoresProvider>
      </StrictMode>,
    ),
  );
});
