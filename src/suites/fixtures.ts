// Playwright Test glue for scenario tables: worker-scoped fixture servers and engine, and
// `defineScenarioSuite`, which declares one test per scenario while the whole table runs
// once per worker in one batch (no page or context per test).
//
// The tests extend Playwright's fixture-less base test (`_baseTest`, what `test` itself
// extends): `test` adds per-test auto fixtures for its own `page` and `context` (trace
// recording, context configuration) that these tests never use, and each of them costs a
// step with a captured stack trace per test, most of a scenario test's time in the worker.
import { _baseTest as base, expect, type WorkerInfo } from '@playwright/test';
import type { FixtureServers } from '../../servers/fixture-server.js';
import { applySelector, type BuildSelector } from '../harness/engine-builds.js';
import type { BrowserName } from '../harness/engines/types.js';
import { startHarnessWorld } from '../harness/launch.js';
import { CASE_ATTACHMENT } from '../harness/runner-settings.js';
import { RunSession, runScenarios, type EngineSlot } from '../harness/run.js';
import type { CaseResult, VerdictKind } from '../harness/types.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { anchorUrl } from '../model/result.js';
import type { Scenario } from '../scenario/types.js';

/** The options a Playwright project sets: `use: { corsBrowser: 'firefox' }`. */
export interface CorsWorkerOptions {
  corsBrowser: BrowserName;
  /**
   * Set on side-by-side build projects (`chromium@156.0.8078.108`, see
   * src/harness/engine-builds.ts): which build of the engine this project runs. Its results
   * are then labelled with the project's name, so each build is its own matrix column.
   */
  corsBuild: BuildSelector | null;
}

/** Runs whole tables, each once per worker; later callers get the cached results. */
export interface ScenarioBatches {
  run(title: string, scenarios: readonly Scenario[]): Promise<CaseResult[]>;
}

interface CorsWorkerFixtures {
  /** Servers and engine together: the servers' origin kind depends on the engine's host mapping. */
  corsWorld: { servers: FixtureServers; slot: EngineSlot };
  fixtureServers: FixtureServers;
  corsEngine: EngineSlot;
  scenarioBatches: ScenarioBatches;
}

/** Per in-page call; a table's batch of 200 cases stays well inside it. */
const SCRIPT_TIMEOUT_MS = 120_000;

export const test = base.extend<object, CorsWorkerOptions & CorsWorkerFixtures>({
  corsBrowser: ['chromium', { option: true, scope: 'worker' }],
  corsBuild: [null, { option: true, scope: 'worker' }],

  corsWorld: [
    async ({ corsBrowser, corsBuild }, use) => {
      // A worker serves one project: point this process's engine detection at its build
      // (relaunches after a crash then find the same one).
      if (corsBuild !== null) applySelector(corsBuild);
      const world = await startHarnessWorld(corsBrowser, { scriptTimeoutMs: SCRIPT_TIMEOUT_MS });
      await use({ servers: world.servers, slot: world.slot });
      await world.close();
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  fixtureServers: [async ({ corsWorld }, use) => use(corsWorld.servers), { scope: 'worker' }],

  corsEngine: [async ({ corsWorld }, use) => use(corsWorld.slot), { scope: 'worker' }],

  scenarioBatches: [
    async ({ corsWorld, corsBrowser, corsBuild }, use, workerInfo) => {
      const label = corsBuild === null ? corsBrowser : workerInfo.project.name;
      const session = new RunSession(corsWorld.slot, corsWorld.servers);
      // Rules with a `versions` range apply only to this build; results name the build.
      const version = corsWorld.slot.engine.info.version;
      const profile = getEngineProfile(corsBrowser);
      const cache = new Map<string, Promise<CaseResult[]>>();
      const start = (title: string, scenarios: readonly Scenario[]): Promise<CaseResult[]> => {
        let p = cache.get(title);
        if (p === undefined) {
          p = runScenarios(corsWorld.slot, corsWorld.servers, scenarios, { profile, session }).then(
            (results) => results.map((r) => ({ ...r, engine: label, engineVersion: version })),
          );
          cache.set(title, p);
        }
        return p;
      };
      const ahead = runsEveryTest(workerInfo);
      await use({
        run(title, scenarios) {
          const p = start(title, scenarios);
          // The worker will run the tables declared after this one too: start the next few
          // now, so their batches share the page with this table's (a table's wait for its
          // slowest case overlaps the others'). Only a few: Playwright replaces the worker
          // after a failing test, and the new one runs what the old one started again.
          if (ahead) {
            for (const later of tablesAfter(title).slice(0, TABLES_AHEAD)) {
              void start(later.title, later.scenarios);
            }
          }
          return p;
        },
      });
      // Tables started ahead whose tests never ran here (another worker took them, the run
      // was stopped) are finished before the session closes under them.
      await Promise.allSettled(cache.values());
      await session.close();
    },
    { scope: 'worker' },
  ],
});

export { expect };

/** Tables started ahead of their first test, after the one a test needs now. */
const TABLES_AHEAD = 3;

/** Every table `defineScenarioSuite` declared in this process, in order. */
const declared: { title: string; scenarios: readonly Scenario[] }[] = [];

function tablesAfter(title: string): typeof declared {
  const at = declared.findIndex((t) => t.title === title);
  return at < 0 ? [] : declared.slice(at + 1);
}

/**
 * Whether this worker's project runs every test it declares: no grep, no shard. Only then
 * are tables started ahead of their tests; a filtered run starts each table when its first
 * test needs it.
 */
function runsEveryTest(info: WorkerInfo): boolean {
  const everything = (g: RegExp | RegExp[]): boolean =>
    (Array.isArray(g) ? g : [g]).every((r) => r.source === '.*');
  const { config, project } = info;
  return (
    config.shard === null &&
    config.grepInvert === null &&
    project.grepInvert === null &&
    everything(config.grep) &&
    everything(project.grep)
  );
}

function describeFailure(r: CaseResult): string {
  const lines = [`${r.engine} ${r.verdict}${r.note === undefined ? '' : `: ${r.note}`}`];
  for (const d of r.diffs) {
    lines.push(
      `  ${d.field}: predicted ${JSON.stringify(d.predicted)}, observed ${JSON.stringify(d.observed)}`,
    );
  }
  const err = r.observation?.error;
  if (err) lines.push(`  page error: ${err.name}: ${err.message}`);
  for (const c of r.console) lines.push(`  console: ${c}`);
  return lines.join('\n');
}

/** The verdicts a scenario test passes with: anything else is drift. */
const PASSING: readonly VerdictKind[] = ['pass', 'known-deviation', 'unconfirmed-deviation'];

/**
 * One Playwright test per scenario. The first test to run awaits the batch run of the whole
 * table (cached per worker); each test then asserts its own verdict and attaches its result.
 */
export function defineScenarioSuite(title: string, scenarios: readonly Scenario[]): void {
  declared.push({ title, scenarios });
  test.describe(title, () => {
    // In order, as one group: the table's batch runs once per worker that runs it.
    test.describe.configure({ mode: 'default', timeout: 180_000 });
    scenarios.forEach((scenario, index) => {
      const name = `${scenario.id ?? `#${index}`}${scenario.title ? `: ${scenario.title}` : ''}`;
      const annotation = (scenario.anchors ?? []).map((a) => ({
        type: 'anchor',
        description: anchorUrl(a),
      }));
      test(name, { annotation }, async ({ scenarioBatches }, testInfo) => {
        const results = await scenarioBatches.run(title, scenarios);
        const result = results[index];
        // Plain checks rather than expect(), and the result pushed rather than attach()ed:
        // both open a step with a captured stack trace, and attach() also creates the test's
        // output folder (which Playwright then removes), for every scenario.
        if (result === undefined) throw new Error('the run returned no result for this scenario');
        // Compact: the reporter (and a blob merge) reads it; nobody reads it by eye.
        testInfo.attachments.push({
          name: CASE_ATTACHMENT,
          contentType: 'application/json',
          body: Buffer.from(JSON.stringify(result)),
        });
        if (!PASSING.includes(result.verdict)) throw new Error(describeFailure(result));
      });
    });
  });
}
