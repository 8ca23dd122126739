// What a run's drivers declare, handed from `cors-conformance run` to the Playwright workers
// through the environment: the suites to run (CORS_SUITES, comma-separated; all when unset)
// or, instead of the suites, the user's scenario files (CORS_USER_SCENARIOS: a JSON file
// written by `run FILE...`, already validated).
import { readFileSync } from 'node:fs';
import { parseScenarios } from '../scenario/validate.js';
import type { SuiteTable } from './catalog.js';

export const SUITES_ENV = 'CORS_SUITES';
export const USER_SCENARIOS_ENV = 'CORS_USER_SCENARIOS';

/** The suite names CORS_SUITES asks for, or null for every suite. */
export function wantedSuites(env: NodeJS.ProcessEnv = process.env): string[] | null {
  const v = env[SUITES_ENV];
  if (v === undefined || v.trim() === '') return null;
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The user's scenario tables (one per file) when the run is `run FILE...`, else null. */
export function userTables(env: NodeJS.ProcessEnv = process.env): SuiteTable[] | null {
  const file = env[USER_SCENARIOS_ENV];
  if (file === undefined || file === '') return null;
  const json = JSON.parse(readFileSync(file, 'utf8')) as { name: string; scenarios: unknown }[];
  return json.map((t) => ({ name: t.name, scenarios: parseScenarios(t.scenarios).scenarios }));
}
