// The engine profiles in the model and the files in suites/expectations agree: every entry
// names a scenario of some suite table, and every scenario where an engine's prediction
// differs from the spec's is explained, by a profile knob (a reason with `deviation`) or by
// an entry in that engine's file. Suite tables are found on disk, so new ones count at once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import type { ExpectationMap } from '../harness/types.js';
import { compare, loadExpectations, profileKnobs } from '../harness/verdict.js';
import { getEngineProfile } from '../model/profiles.js';
import { predict } from '../model/predict.js';
import type { Scenario } from '../scenario/types.js';
import { expectationsDir, packageRoot } from './paths.js';

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

function isScenario(v: unknown): v is Scenario {
  return typeof v === 'object' && v !== null && 'request' in v;
}

/** Every scenario of every `suites/<area>/*.scenarios.ts` table (exported arrays of scenarios). */
async function suiteScenarios(): Promise<Map<string, Scenario>> {
  const root = join(packageRoot(), 'suites');
  const out = new Map<string, Scenario>();
  for (const area of readdirSync(root, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const file of readdirSync(join(root, area.name))) {
      if (!file.endsWith('.scenarios.ts')) continue;
      const mod = (await import(pathToFileURL(join(root, area.name, file)).href)) as Record<
        string,
        unknown
      >;
      for (const value of Object.values(mod)) {
        if (!Array.isArray(value)) continue;
        for (const s of value) if (isScenario(s) && s.id !== undefined) out.set(s.id, s);
      }
    }
  }
  return out;
}

test('profiles and expectation files agree', async () => {
  test.setTimeout(60_000);
  const scenarios = await suiteScenarios();
  expect(scenarios.size, 'the suite tables were found').toBeGreaterThan(0);
  const dir = expectationsDir();
  expect(existsSync(dir)).toBe(true);
  const spec = getEngineProfile('spec');
  const problems: string[] = [];
  for (const engine of ENGINES) {
    const file: ExpectationMap = await loadExpectations(dir, engine);
    for (const id of Object.keys(file)) {
      if (!scenarios.has(id)) problems.push(`${engine}.json: "${id}" is no scenario of any suite`);
    }
    const profile = getEngineProfile(engine);
    for (const [id, s] of scenarios) {
      const mine = predict(s, { engine: profile });
      const theirs = predict(s, { engine: spec });
      const cookies = (s.setup?.cookies ?? []).length > 0;
      const diffs = compare(theirs, mine, { cookies });
      if (diffs.length === 0) continue;
      if (profileKnobs(mine).length > 0 || file[id] !== undefined) continue;
      problems.push(
        `${engine}: ${id} departs from the spec in ${diffs.map((d) => d.field).join(', ')} ` +
          'without a profile knob or an entry in its file',
      );
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});
