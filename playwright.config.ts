import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium';

// Tests drive the built app (`vite preview`) in Debian's Chromium: test tools cannot download
// browsers on our machines. STEPGRAPH_CHROMIUM overrides the binary. One smoke test also drives the
// dev server (`npm run dev`), which bundles differently: the README promises both work.
const port = Number(process.env.STEPGRAPH_E2E_PORT ?? 4173);
const devPort = port + 1;
// STEPGRAPH_DIST serves another build folder (several builds side by side on one machine)
const outDir = process.env.STEPGRAPH_DIST ? ` --outDir ${process.env.STEPGRAPH_DIST}` : '';

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'built', testIgnore: /dev\.spec\.ts/ },
    { name: 'dev', testMatch: /dev\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${devPort}` } },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${devPort} --strictPort`,
      url: `http://127.0.0.1:${devPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
