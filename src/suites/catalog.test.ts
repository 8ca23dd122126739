// The shipped JSON (dist/suites/, written by npm run build) is the tables, scenario for
// scenario; the drivers declare one test per scenario of it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { packageRoot } from '../report/paths.js';
import { loadJsonSuites, loadTables } from './catalog.js';

const DIST = join(packageRoot(), 'dist', 'suites');

test('the built JSON suites equal the TypeScript tables, suite by suite', async () => {
  expect(existsSync(join(DIST, 'index.json')), 'dist/ is built (npm run build)').toBe(true);
  const tables = await loadTables();
  const json = loadJsonSuites(DIST);
  expect(json.map((s) => s.name)).toEqual(tables.map((s) => s.name));
  expect(json).toEqual(JSON.parse(JSON.stringify(tables)));
  expect(tables.length).toBeGreaterThanOrEqual(12);
});

test('a JSON suite that is no longer valid scenario data fails to load (the check can fail)', () => {
  expect(() => loadJsonSuites(join(packageRoot(), 'src', 'suites'))).toThrow(/index.json missing/);
});
