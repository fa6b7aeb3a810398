import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Real sockets and timers: files run one at a time so a noisy neighbour test cannot skew another's timing.
    fileParallelism: false,
  },
});
