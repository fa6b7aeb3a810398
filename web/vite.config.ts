import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { precompress } from './precompress';
import { viewPreloads } from './view-preloads';

const serverUrl = process.env.POOLSCOPE_SERVER_URL ?? 'http://127.0.0.1:3000';

/**
 * `vite build --mode profiling` (e2e/scripts/profile-full-window.mjs): readable function names,
 * and Recharts and React in chunks of their own, so a CPU profile says whose code ran.
 */
const PROFILING_BUILD = {
  chunkSizeWarningLimit: 1200,
  manifest: true,
  minify: false,
  rolldownOptions: {
    output: {
      codeSplitting: {
        groups: [
          { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          { name: 'socket', test: /node_modules[\\/](socket\.io-client|engine\.io-client|socket\.io-parser|engine\.io-parser)[\\/]/ },
          { name: 'recharts', test: /node_modules[\\/]/ },
        ],
      },
    },
  },
};

export default defineConfig(({ mode }) => ({
  // The modules of app/views.ts's VIEW_CHUNKS that the server can tell apart by the page's address.
  plugins: [
    react(),
    viewPreloads({
      dashboard: 'src/app/dashboard.tsx',
      audience: 'src/app/audience.tsx',
      'speaker-notes': 'src/features/lessons/speaker-notes.tsx',
    }),
    precompress(),
  ],
  // The manifest lists each chunk's static imports: e2e's first-load budget adds up what a page
  // fetches before its first live number from it (e2e/test-support/first-load.ts).
  build: mode === 'profiling' ? PROFILING_BUILD : { manifest: true },
  server: {
    proxy: {
      '/api': serverUrl,
      '/metrics': serverUrl,
      '/healthz': serverUrl,
      '/docs': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
  // Rendering the whole app in jsdom takes seconds on a busy 2-core machine.
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], setupFiles: ['src/test-support/setup.ts'], testTimeout: 30_000 },
}));
