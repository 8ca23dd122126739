// `npm run build`, after tsc: every suite's scenarios in the portable JSON format, one file
// per suite in dist/suites/<suite>.json plus dist/suites/index.json, so that an installed
// package (which has no TypeScript tables) runs and lists the same scenarios. Each file is
// checked as a user's scenario file would be, and must read back equal to its table.
import { isDeepStrictEqual } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTables, type SuiteIndex } from '../src/suites/catalog.js';
import { parseScenarios } from '../src/scenario/validate.js';

/** dist/suites/ (this file runs as dist/scripts/suite-json.js; the tables are compiled there too). */
const OUT = fileURLToPath(new URL('../suites/', import.meta.url));

export async function writeSuiteJson(out: string = OUT): Promise<SuiteIndex> {
  const tables = await loadTables(out);
  if (tables.length === 0) throw new Error(`no scenario tables under ${out}`);
  const index: SuiteIndex = { format: 1, suites: [] };
  await mkdir(out, { recursive: true });
  for (const table of tables) {
    const text = `${JSON.stringify(table.scenarios, null, 2)}\n`;
    const back = parseScenarios(JSON.parse(text)).scenarios;
    if (!isDeepStrictEqual(back, JSON.parse(JSON.stringify(table.scenarios)))) {
      throw new Error(`suite ${table.name}: its JSON does not read back equal to the table`);
    }
    const file = `${table.name}.json`;
    await writeFile(join(out, file), text);
    index.suites.push({ name: table.name, file, count: table.scenarios.length });
  }
  await writeFile(join(out, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  return index;
}

const index = await writeSuiteJson();
const total = index.suites.reduce((n, s) => n + s.count, 0);
console.log(`dist/suites: ${index.suites.length} suites, ${total} scenarios`);
