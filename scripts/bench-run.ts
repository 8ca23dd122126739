// The `run` and `reports` figures of `npm run bench -- --json`: the full conformance run
// (`cors-conformance run`, every suite, the engines side by side as it runs them by default)
// against the harness alone on the same scenario tables and engines (fixture servers, engine
// launch, every table's runScenarios at once, the engines at once; no Playwright Test, no
// reports), and the size of the reports the run wrote.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getEngineProfile } from '../src/engine-facts/index.js';
import type { BrowserName } from '../src/harness/engines/types.js';
import { startHarnessWorld } from '../src/harness/launch.js';
import { RunSession, runScenarios } from '../src/harness/run.js';
import type { Scenario } from '../src/scenario/types.js';

export interface RunFigures {
  wallSeconds: number;
  harnessSeconds: number;
  /** harnessSeconds / wallSeconds: the share of the run's wall time the harness needs. */
  ratio: number;
}

export interface ReportFigures {
  htmlBytes: number;
  resultsBytes: number;
}

/** dist/ (this file is dist/scripts/bench-run.js once built). */
const distRoot = fileURLToPath(new URL('..', import.meta.url));

/** Every scenario table of suites/ (built to dist/suites/<name>/<name>.scenarios.js). */
export async function scenarioTables(): Promise<Scenario[][]> {
  const dir = join(distRoot, 'suites');
  const tables: Scenario[][] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name, `${name}.scenarios.js`);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (Array.isArray(value) && value.length > 0 && 'request' in (value[0] as object)) {
        tables.push(value as Scenario[]);
      }
    }
  }
  return tables;
}

/**
 * The harness alone: each engine launched and fed every table at once (its page admits the
 * batches in order, as in a full run), all engines at once.
 */
export async function harnessSeconds(engines: readonly BrowserName[]): Promise<number> {
  const tables = await scenarioTables();
  const t0 = performance.now();
  await Promise.all(
    engines.map(async (browser) => {
      const world = await startHarnessWorld(browser, { scriptTimeoutMs: 120_000 });
      const session = new RunSession(world.slot, world.servers);
      try {
        const profile = getEngineProfile(browser);
        await Promise.all(
          tables.map((table) =>
            runScenarios(world.slot, world.servers, table, { profile, session }),
          ),
        );
      } finally {
        await session.close();
        await world.close();
      }
    }),
  );
  return (performance.now() - t0) / 1000;
}

/** `cors-conformance run --engine <engines> --out <outDir>`: its wall time, in seconds. */
export async function runWallSeconds(
  engines: readonly BrowserName[],
  outDir: string,
  log: (chunk: Buffer) => void,
): Promise<number> {
  const main = join(distRoot, 'src', 'cli', 'main.js');
  const args = [main, 'run', '--engine', engines.join(','), '--out', outDir];
  const t0 = performance.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', log);
    child.stderr.on('data', log);
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  // 0: no drift; 1: drift. Both are complete runs; anything else is not a measurement.
  if (code !== 0 && code !== 1) throw new Error(`the conformance run exited ${code}`);
  return (performance.now() - t0) / 1000;
}

/** The sizes of index.html and results.json in a report folder. */
export function reportBytes(outDir: string): ReportFigures {
  return {
    htmlBytes: statSync(join(outDir, 'index.html')).size,
    resultsBytes: statSync(join(outDir, 'results.json')).size,
  };
}
