// First, so the page's view chunk is on its way while everything below is evaluated.
import './app/fetch-view-early';
// Second: the socket opens before React DOM and the texts are evaluated (connect-early.ts).
import { stores } from './app/connect-early';
import { StrictMode } from 'react';
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
// (fetch-view-early.ts): its lazy part takes it from there, so it renders without suspending.
preloadView(window.location);
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
