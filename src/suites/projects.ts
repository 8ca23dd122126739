// The engine projects of a conformance run, shared by the packaged config
// (src/suites/playwright.config.ts) and the repository's playwright.config.ts: one project
// per engine found on this machine (CORS_ENGINES=chromium,firefox narrows the list; each one
// left out gets one printed line and a note in the reports), each running the generic
// drivers next to this file. The runner process detects once and hands the result to its
// workers through the environment.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Project } from '@playwright/test';
import { engineProjectsFor } from '../harness/engine-builds.js';
import { detectEngines } from '../harness/engines/detect.js';
import { ENGINE_PROJECT_WORKERS } from '../harness/runner-settings.js';
import {
  DETECTION_ENV,
  decodeDetection,
  encodeDetection,
  parseEngineList,
  selectEngines,
  selectionLines,
  type EngineSelection,
} from '../report/engine-selection.js';
import type { CorsWorkerOptions } from './fixtures.js';

/** The drivers: the scenario tables (driver) and the generated suites (fuzz-driver). */
export const DRIVER_DIR = dirname(fileURLToPath(import.meta.url));
export const DRIVER_MATCH = /[\\/](?:driver|fuzz-driver)\.[jt]s$/;

export interface SuiteProjects {
  selection: EngineSelection;
  projects: Project<CorsWorkerOptions>[];
}

/** The engines to run (detected once per run) and one project per engine, or per build. */
export async function suiteProjects(env: NodeJS.ProcessEnv = process.env): Promise<SuiteProjects> {
  const cached = decodeDetection(env[DETECTION_ENV]);
  const detected = cached ?? (await detectEngines());
  if (cached === null) env[DETECTION_ENV] = encodeDetection(detected);
  const selection = selectEngines(detected, parseEngineList(env.CORS_ENGINES));
  if (cached === null && env.TEST_WORKER_INDEX === undefined) {
    for (const line of selectionLines(selection, 'CORS_ENGINES')) console.log(line);
  }
  // CORS_ENGINE_BUILDS=all: one project per build of an engine (`chromium@156.0.8078.108`,
  // ...) when several are installed; otherwise one project per engine.
  const specs = await engineProjectsFor(selection.engines);
  const projects = specs.map((p) => ({
    name: p.name,
    testDir: DRIVER_DIR,
    testMatch: DRIVER_MATCH,
    workers: ENGINE_PROJECT_WORKERS,
    use: { corsBrowser: p.browser, corsBuild: p.select ?? null },
  }));
  return { selection, projects };
}
