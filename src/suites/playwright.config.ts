// The Playwright config of the packaged product: what `cors-conformance run` always uses, from
// an installed package and from a checkout alike. One project per engine found, each running
// the generic drivers over the suites shipped as JSON (or the user's scenario files, when
// `run FILE...` names some). Reports go to CORS_REPORT_DIR, else ./reports of the current
// folder.
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';
import type { CorsWorkerOptions } from './fixtures.js';
import { suiteProjects } from './projects.js';
import { runSetup } from './run-setup.js';

const { selection, projects } = await suiteProjects();

export default defineConfig<CorsWorkerOptions>({
  ...runSetup(selection, resolve('reports')),
  // Playwright's own output (attachments of failed tests) goes to the current folder, not
  // into the installed package.
  outputDir: resolve('test-results'),
  projects,
});
