import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `bash scripts/package --check`: the smoke test against atlas-site.tar.gz as a static host would
// serve it, unpacked into build/site-check/ and served under a sub-path (/atlas/) on ATLAS_PORT + 2,
// the same way playwright.config.ts serves dist/ under /atlas/ on ATLAS_PORT + 1.
const port = Number(process.env.ATLAS_PORT ?? 4173) + 2;
export default defineConfig({
  ...base,
  testDir: 'tests/package',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}/atlas/` },
  webServer: [
    { command: `node scripts/static-server.mjs --root build/site-check --port ${port} --base /atlas/`, url: `http://127.0.0.1:${port}/atlas/`, reuseExistingServer: false },
  ],
});
