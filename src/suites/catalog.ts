// The conformance suites as data: every suite's scenarios by suite name. One loader with two
// sources: the built package reads the portable JSON that scripts/suite-json.ts wrote to
// dist/suites/ (what an installed package has), and the sources in a checkout import the
// TypeScript tables under suites/<name>/*.scenarios.ts directly (no build needed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseScenarios } from '../scenario/validate.js';
import type { Scenario } from '../scenario/types.js';

/** One suite: its name (the folder under suites/) and its scenarios, in table order. */
export interface SuiteTable {
  name: string;
  scenarios: Scenario[];
}

/** dist/suites/index.json: the suites in order, each with its file and scenario count. */
export interface SuiteIndex {
  format: 1;
  suites: { name: string; file: string; count: number }[];
}

/** The generated scenario suites that are not tables (a Playwright test of their own). */
export const GENERATED_SUITES = ['fuzz'] as const;

const FROM_SOURCE = import.meta.url.endsWith('.ts');

/** dist/suites/ of the built package (two folders up from dist/src/suites/). */
export function jsonSuitesDir(): string {
  return fileURLToPath(new URL('../../suites/', import.meta.url));
}

/** suites/ of a checkout (two folders up from src/suites/). */
export function tableSuitesDir(): string {
  return fileURLToPath(new URL('../../suites/', import.meta.url));
}

function isScenarioList(v: unknown): v is Scenario[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'object' && s !== null && 'request' in s);
}

/** Every suite of a checkout, from its TypeScript tables (each exported scenario array). */
export async function loadTables(dir: string = tableSuitesDir()): Promise<SuiteTable[]> {
  const out: SuiteTable[] = [];
  const folders = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const folder of folders.map((d) => d.name).sort()) {
    const scenarios: Scenario[] = [];
    const files = readdirSync(join(dir, folder)).filter((f) => /\.scenarios\.[jt]s$/.test(f));
    for (const file of files.sort()) {
      const mod = (await import(pathToFileURL(join(dir, folder, file)).href)) as Record<
        string,
        unknown
      >;
      for (const value of Object.values(mod)) if (isScenarioList(value)) scenarios.push(...value);
    }
    if (scenarios.length > 0) out.push({ name: folder, scenarios });
  }
  return out;
}

/** Every suite from the shipped JSON (validated as any user's scenario file is). */
export function loadJsonSuites(dir: string = jsonSuitesDir()): SuiteTable[] {
  const indexFile = join(dir, 'index.json');
  if (!existsSync(indexFile)) {
    throw new Error(`no suites in ${dir} (index.json missing: run \`npm run build\`)`);
  }
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as SuiteIndex;
  return index.suites.map((s) => {
    const json = JSON.parse(readFileSync(join(dir, s.file), 'utf8')) as unknown;
    return { name: s.name, scenarios: parseScenarios(json).scenarios };
  });
}

/** The suites this module's build has: the tables from source, the JSON when built. */
export async function loadSuites(): Promise<SuiteTable[]> {
  return FROM_SOURCE ? loadTables() : loadJsonSuites();
}

/** Every suite name `run --suite` accepts: the tables and the generated suites. */
export async function suiteNames(): Promise<string[]> {
  const names = (await loadSuites()).map((s) => s.name);
  return [...names, ...GENERATED_SUITES].sort();
}
