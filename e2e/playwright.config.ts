import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 39_317);

export default defineConfig({
  testDir: './tests',
  outputDir: './artifacts/results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    acceptDownloads: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--enable-precise-memory-info',
      ],
    },
  },
  projects: [
    // The README screenshots run first, on a fresh lab, before other specs leave markers behind.
    {
      name: 'screenshots',
      testMatch: /screenshots\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
    },
    {
      name: 'chromium',
      testIgnore: /screenshots\.spec\.ts/,
      dependencies: ['screenshots'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } },
    },
  ],
  // The real lab: built web app served by the server, two embedded echo targets.
  webServer: {
    command: `npx tsx src/main.ts --port ${port} --embedded-targets 2`,
    cwd: '../server',
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
  },
});
