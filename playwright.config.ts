import { defineConfig } from '@playwright/test';
import type { CorsWorkerOptions } from './suites/fixtures.js';

// One runner for everything: a browser-less `unit` project for the model, servers and
// harness pieces, and one project per engine for the browser suites. An engine project
// names its browser with `use.corsBrowser`; suites/fixtures.ts launches it once per worker
// through src/harness/engines and runs each scenario table as one in-page batch.
const suites = 'suites/**/*.spec.ts';

export default defineConfig<CorsWorkerOptions>({
  reporter: process.env.CI
    ? [['list'], ['junit', { outputFile: 'reports/playwright-junit.xml' }]]
    : 'list',
  projects: [
    {
      name: 'unit',
      testMatch: ['src/**/*.test.ts', 'servers/**/*.test.ts', 'scripts/**/*.test.ts'],
    },
    { name: 'chromium', testMatch: suites, use: { corsBrowser: 'chromium' } },
    { name: 'firefox', testMatch: suites, use: { corsBrowser: 'firefox' } },
    { name: 'webkit', testMatch: suites, use: { corsBrowser: 'webkit' } },
    // The library example (examples/express-app): its own regression suite, Chromium only.
    { name: 'example', testMatch: 'examples/**/*.spec.ts', use: { corsBrowser: 'chromium' } },
  ],
});
