// The config `npx playwright merge-reports --config src/report/merge.config.ts <blob-dir>`
// uses to merge sharded runs: Playwright's dot output and our conformance reporter, which
// reads each test's case-result.json attachment from the blobs and writes one matrix.
// Output goes to ./reports (from the current folder), or to CORS_REPORT_DIR.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

// Built as dist/src/report/merge.config.js the reporter beside it is .js as well.
const ext = import.meta.url.endsWith('.js') ? '.js' : '.ts';
const reporter = fileURLToPath(new URL(`./conformance-reporter${ext}`, import.meta.url));
const outDir = resolve(process.env.CORS_REPORT_DIR ?? 'reports');

export default defineConfig({
  reporter: [['dot'], [reporter, { outDir, progressIntervalMs: 0 }]],
});
