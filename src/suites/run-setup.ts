// How a conformance run runs and reports, in one place for both Playwright configs (the
// packaged src/suites/playwright.config.ts and the repository's playwright.config.ts):
// reporters and worker settings. A change to either belongs here, not in a config.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaywrightTestConfig, ReporterDescription } from '@playwright/test';
import type { ConformanceReporterOptions } from '../report/conformance-reporter.js';
import type { EngineSelection } from '../report/engine-selection.js';
import { defaultWorkers } from '../harness/runner-settings.js';

/** Source (.ts, run by Playwright's loader) or build (.js): the sibling modules' extension. */
const EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';

/** The conformance reporter module, as a path Playwright can load from either config. */
export const CONFORMANCE_REPORTER = fileURLToPath(
  new URL(`../report/conformance-reporter${EXT}`, import.meta.url),
);

/**
 * The reporters and workers of a run. The conformance reporter writes results.json,
 * junit.xml and index.html to CORS_REPORT_DIR, else to `defaultReportDir`; CI adds a JUnit
 * file of Playwright's own, CORS_HTML_REPORT=1 Playwright's HTML report (playwright-report/), CORS_BLOB_DIR
 * (`run --blob DIR`) a blob report for merging shards (docs/nightly.md).
 */
export function runSetup(
  selection: EngineSelection,
  defaultReportDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Pick<PlaywrightTestConfig, 'reporter' | 'workers'> {
  const reportDir = resolve(env.CORS_REPORT_DIR ?? defaultReportDir);
  const conformance: ConformanceReporterOptions = {
    skipped: selection.skipped,
    engineVersions: selection.versions,
    outDir: reportDir,
  };
  const reporter: ReporterDescription[] = [['list'], [CONFORMANCE_REPORTER, conformance]];
  if (env.CI) {
    reporter.push(['junit', { outputFile: resolve(reportDir, 'playwright-junit.xml') }]);
  }
  // Playwright's HTML report goes to the current folder, never into an installed package.
  if (env.CORS_HTML_REPORT) {
    reporter.push(['html', { open: 'never', outputFolder: resolve('playwright-report') }]);
  }
  if (env.CORS_BLOB_DIR) reporter.push(['blob', { outputDir: env.CORS_BLOB_DIR }]);
  // Every engine at once, one worker each (src/harness/runner-settings.ts); `--workers`
  // still overrides.
  return { reporter, workers: defaultWorkers(selection.engines.length, availableParallelism()) };
}
