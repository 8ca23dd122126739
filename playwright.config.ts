import { defineConfig } from '@playwright/test';
import type { BrowserName } from './src/harness/engines/types.js';
import type { CorsWorkerOptions } from './src/suites/fixtures.js';
import { suiteProjects } from './src/suites/projects.js';
import { runSetup } from './src/suites/run-setup.js';

// One runner for everything in this repository: a browser-less `unit` project for the model,
// servers and harness pieces, and the same engine projects the packaged product runs
// (src/suites/projects.ts: one per engine found, each driving every suite's scenarios through
// src/suites/driver.ts, which reads the TypeScript tables under suites/ when run from
// source). Reporters and workers come from src/suites/run-setup.ts, shared with the packaged
// config (src/suites/playwright.config.ts) that `cors-conformance run` uses.
const { selection, projects } = await suiteProjects();
const has = (engine: BrowserName): boolean => selection.engines.includes(engine);

export default defineConfig<CorsWorkerOptions>({
  ...runSetup(selection, 'reports'),
  projects: [
    {
      name: 'unit',
      testMatch: ['src/**/*.test.ts', 'servers/**/*.test.ts', 'scripts/**/*.test.ts'],
    },
    ...projects,
    // The library example (examples/express-app): its own regression suite, Chromium only.
    ...(has('chromium')
      ? [
          {
            name: 'example',
            testMatch: 'examples/**/*.spec.ts',
            use: { corsBrowser: 'chromium' as const },
          },
        ]
      : []),
  ],
});
