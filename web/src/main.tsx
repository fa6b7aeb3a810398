import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import { App } from './app/app';
import { exposeStoreForProfiling } from './lib/profiling-hook';
import './app/theme.css';
import './app/app.css';

if (import.meta.env.MODE === 'profiling') exposeStoreForProfiling();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
