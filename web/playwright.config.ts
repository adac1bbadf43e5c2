import { defineConfig } from '@playwright/test';

// Browser tests against the real stack: e2e/global-setup.ts starts `shenguan serve` (temporary
// SQLite database, demo data, unusual free ports) with the built SPA served by the gateway.
// Playwright never downloads a browser here: it drives Debian's /usr/bin/chromium.
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.SHENGUAN_E2E_URL,
    locale: 'zh-CN',
    // The browser's own zone (default: the machine's). The server counts in Asia/Shanghai days;
    // SHENGUAN_E2E_TZ=America/Los_Angeles runs the specs a day apart from it most of the day.
    ...(process.env.SHENGUAN_E2E_TZ ? { timezoneId: process.env.SHENGUAN_E2E_TZ } : {}),
    viewport: { width: 1366, height: 860 },
    trace: 'off',
    launchOptions: {
      executablePath: process.env.SHENGUAN_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
