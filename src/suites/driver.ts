// The generic driver of the packaged product: one Playwright test per scenario of every
// suite (or of the user's files for `run FILE...`), each suite a describe block that runs
// as one in-page batch per worker (src/suites/fixtures.ts). The file runs its describe
// blocks in parallel and each block in order, so suites spread over workers and shards as
// the former one-file-per-suite specs did, and --grep, --shard and retries work per test.
import { loadSuites } from './catalog.js';
import { defineScenarioSuite, test } from './fixtures.js';
import { userTables, wantedSuites } from './selection.js';

test.describe.configure({ mode: 'parallel' });

const user = userTables();
const wanted = wantedSuites();
const tables = user ?? (await loadSuites()).filter((s) => wanted?.includes(s.name) ?? true);
for (const table of tables) defineScenarioSuite(table.name, table.scenarios);
