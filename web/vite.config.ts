import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

const serverUrl = process.env.POOLSCOPE_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': serverUrl,
      '/metrics': serverUrl,
      '/healthz': serverUrl,
      '/docs': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
  test: { environment: 'jsdom', include: ['src/**/*.test.{ts,tsx}'] },
});
