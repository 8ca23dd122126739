import { availableParallelism } from 'node:os';
import { defineConfig, type ReporterDescription } from '@playwright/test';
import { engineProjectsFor } from './src/harness/engine-builds.js';
import { detectEngines } from './src/harness/engines/detect.js';
import { ENGINE_PROJECT_WORKERS, defaultWorkers } from './src/harness/runner-settings.js';
import type { BrowserName } from './src/harness/engines/types.js';
import type { ConformanceReporterOptions } from './src/report/conformance-reporter.js';
import {
  DETECTION_ENV,
  decodeDetection,
  encodeDetection,
  parseEngineList,
  selectEngines,
  selectionLines,
} from './src/report/engine-selection.js';
import type { CorsWorkerOptions } from './suites/fixtures.js';

// One runner for everything: a browser-less `unit` project for the model, servers and
// harness pieces, and one project per engine for the browser suites. An engine project
// names its browser with `use.corsBrowser`; suites/fixtures.ts launches it once per worker
// through src/harness/engines and runs each scenario table as one in-page batch.
//
// Engine projects exist only for the engines found on this machine (CORS_ENGINES=chromium,firefox
// narrows the list); each one left out gets one printed line and a note in the reports. The
// runner process detects once and hands the result to its workers through the environment.
const suites = 'suites/**/*.spec.ts';

const cached = decodeDetection(process.env[DETECTION_ENV]);
const detected = cached ?? (await detectEngines());
if (cached === null) process.env[DETECTION_ENV] = encodeDetection(detected);
const selection = selectEngines(detected, parseEngineList(process.env.CORS_ENGINES));
if (cached === null && process.env.TEST_WORKER_INDEX === undefined) {
  for (const line of selectionLines(selection, 'CORS_ENGINES')) console.log(line);
}
const has = (engine: BrowserName): boolean => selection.engines.includes(engine);

// The conformance reporter writes reports/ (results.json, junit.xml, index.html) after any
// run that had scenario tests; CORS_REPORT_DIR (or CORS_REPORTS_DIR, as the merge config
// reads it) moves them; CORS_HTML_REPORT=1 adds Playwright's own HTML report
// (playwright-report/).
const conformance: ConformanceReporterOptions = {
  skipped: selection.skipped,
  engineVersions: selection.versions,
};
const reportDir = process.env.CORS_REPORT_DIR ?? process.env.CORS_REPORTS_DIR;
if (reportDir) conformance.outDir = reportDir;
const reporter: ReporterDescription[] = [
  ['list'],
  ['./src/report/conformance-reporter.ts', conformance],
];
if (process.env.CI) reporter.push(['junit', { outputFile: 'reports/playwright-junit.xml' }]);
if (process.env.CORS_HTML_REPORT) reporter.push(['html', { open: 'never' }]);
// CORS_BLOB_DIR (`run --blob DIR`): also a blob report, for merging shards (docs/nightly.md).
if (process.env.CORS_BLOB_DIR) reporter.push(['blob', { outputDir: process.env.CORS_BLOB_DIR }]);

// CORS_ENGINE_BUILDS=all: one project per build of an engine (`chromium@156.0.8078.108`, ...)
// when several are installed; otherwise one project per engine.
const engineProjects = await engineProjectsFor(selection.engines);

export default defineConfig<CorsWorkerOptions>({
  reporter,
  // One worker per engine (src/harness/runner-settings.ts); `--workers` still overrides.
  workers: defaultWorkers(engineProjects.length, availableParallelism()),
  projects: [
    {
      name: 'unit',
      testMatch: ['src/**/*.test.ts', 'servers/**/*.test.ts', 'scripts/**/*.test.ts'],
    },
    ...engineProjects.map((p) => ({
      name: p.name,
      testMatch: suites,
      workers: ENGINE_PROJECT_WORKERS,
      use: { corsBrowser: p.browser, corsBuild: p.select ?? null },
    })),
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
