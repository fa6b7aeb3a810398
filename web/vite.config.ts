import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const serverUrl = process.env.POOLSCOPE_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // Recharts alone is ~400 kB; one bundle served from localhost is fine.
  build: { chunkSizeWarningLimit: 1200 },
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
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
});
