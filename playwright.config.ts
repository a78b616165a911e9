import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The release bundle (dist/) is served on loopback
// twice: at the root and under /atlas/, as static hosts do. ATLAS_PORT moves both (the second is
// ATLAS_PORT + 1), so two checkouts can run their suites side by side.
const port = Number(process.env.ATLAS_PORT ?? 4173);
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 900 },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // Every spec runs at 1280 px; the phone specs (tests/e2e/phone*.spec.ts, issue 22) run on a
  // phone's screen with touch, at 390 × 844 and at 360 × 740, and only there.
  projects: [
    { name: 'desktop', testIgnore: /phone[^/]*\.spec\.ts$/ },
    { name: 'phone', testMatch: /phone[^/]*\.spec\.ts$/, use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
    { name: 'phone-360', testMatch: /phone[^/]*\.spec\.ts$/, use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } },
  ],
  webServer: [
    { command: `node scripts/static-server.mjs --root dist --port ${port}`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: !process.env.CI },
    { command: `node scripts/static-server.mjs --root dist --port ${port + 1} --base /atlas/`, url: `http://127.0.0.1:${port + 1}/atlas/`, reuseExistingServer: !process.env.CI },
  ],
});
