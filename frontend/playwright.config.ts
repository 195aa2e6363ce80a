import { defineConfig } from '@playwright/test';

/**
 * E2E against the real packaged backend (it serves the SPA): start it first, or let
 * scripts/e2e.sh do it. Debian's Chromium: tools here cannot download their own browsers.
 */
export default defineConfig({
  testDir: './e2e',
  // oidc.spec.ts needs the app started against e2e/fake-idp.mjs (scripts/e2e.sh does both);
  // update.spec.ts a deployed copy of the SPA behind nginx that it can change (check-nginx.sh)
  ...(process.env.ANTQ_AUTH_MODE === 'oidc'
    ? { testMatch: 'oidc.spec.ts' }
    : process.env.ANTQ_DEPLOYED_DIR
      ? { testMatch: 'update.spec.ts' }
      : { testIgnore: ['oidc.spec.ts', 'update.spec.ts'] }),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    baseURL: process.env.ANTQ_BASE_URL ?? 'http://localhost:8080',
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
