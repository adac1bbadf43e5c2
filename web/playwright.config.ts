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
