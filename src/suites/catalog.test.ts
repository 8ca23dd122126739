// The shipped JSON (dist/suites/, written by npm run build) is the tables, scenario for
// scenario; the drivers declare one test per scenario of it.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

test('shipped JSON is checked as a user file is: invalid data or no index fails to load', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-catalog-'));
  try {
    expect(() => loadJsonSuites(dir)).toThrow(/index.json missing: run `npm run build`/);
    const index = { format: 1, suites: [{ name: 'bad', file: 'bad.json', count: 1 }] };
    await writeFile(join(dir, 'index.json'), JSON.stringify(index));
    await writeFile(join(dir, 'bad.json'), JSON.stringify([{ request: { mode: 'nocors' } }]));
    expect(() => loadJsonSuites(dir)).toThrow(/\$\[0\]\.request\.mode/);
    await writeFile(join(dir, 'bad.json'), JSON.stringify([{ request: { mode: 'no-cors' } }]));
    expect(loadJsonSuites(dir).map((s) => s.scenarios.length)).toEqual([1]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
