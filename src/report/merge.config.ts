// The config `npx playwright merge-reports --config src/report/merge.config.ts <blob-dir>`
// uses to merge sharded runs: Playwright's list output and our conformance reporter, which
// reads each test's case-result.json attachment from the blobs and writes one matrix.
// CORS_REPORTS_DIR moves the output (default: reports/ at the package root).
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const outDir =
  process.env.CORS_REPORTS_DIR ?? fileURLToPath(new URL('../../reports', import.meta.url));

export default defineConfig({
  reporter: [
    ['dot'],
    [
      fileURLToPath(new URL('./conformance-reporter.ts', import.meta.url)),
      { outDir, progressIntervalMs: 0 },
    ],
  ],
});
