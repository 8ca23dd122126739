// Property-based differential run in each engine project: a fixed seed (FUZZ_SEED overrides
// it; nightly: FUZZ_SEED=random records a fresh one in the report), ~150 generated
// scenarios as one batch run, every unexplained disagreement shrunk and printed with its
// SEED:PATH and replay command. Only unexplained disagreements fail the test.
import { getEngineProfile } from '../engine-facts/index.js';
import { preflightTrail, sampleCacheCases } from '../fuzz/cache-commands.js';
import { browserExecutor } from '../fuzz/executor.js';
import { modelFaultFromEnv } from '../fuzz/fault.js';
import { runFuzz } from '../fuzz/fuzz.js';
import { FUZZ_PACE } from '../fuzz/session.js';
import { freshSeed } from '../fuzz/replay.js';
import { replayCommand } from '../fuzz/repro.js';
import { RunSession } from '../harness/run.js';
import { expect, test } from './fixtures.js';
import { userTables, wantedSuites } from './selection.js';

/** The CI seed. */
const FIXED_SEED = 20261126;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

function seedFromEnv(): number {
  const s = process.env.FUZZ_SEED;
  if (s === undefined || s === '') return FIXED_SEED;
  return s === 'random' ? freshSeed() : Number(s);
}

// Part of every full run; left out when CORS_SUITES names others, or for `run FILE...`.
const runsHere = userTables() === null && (wantedSuites()?.includes('fuzz') ?? true);

if (runsHere) defineFuzzSuite();

function defineFuzzSuite(): void {
  test.describe('fuzz', () => {
    test.describe.configure({ timeout: 240_000 });

    test(`generated scenarios agree with the engine's profile`, async ({
      corsEngine,
      fixtureServers,
      corsBrowser,
    }, testInfo) => {
      const seed = seedFromEnv();
      testInfo.annotations.push({ type: 'fuzz-seed', description: String(seed) });
      const session = new RunSession(corsEngine, fixtureServers);
      const executor = browserExecutor(corsEngine, fixtureServers, {
        profile: getEngineProfile(corsBrowser),
        session,
        fault: modelFaultFromEnv(),
        concurrency: FUZZ_PACE.concurrency,
        requestsAtOnce: FUZZ_PACE.requestsAtOnce,
      });
      try {
        // Batches of 50, three in the engine at once: the table is small, so split it to overlap.
        const report = await runFuzz({ executor, seed, runs: RUNS, maxShrunk: 3, batchSize: 50 });
        await testInfo.attach('fuzz-report.json', {
          body: JSON.stringify(report, null, 2),
          contentType: 'application/json',
        });
        const lines = report.findings.map((f) =>
          [
            `${f.engine} ${f.replay}: ${f.outcome.diffs.map((d) => `${d.field} model ${JSON.stringify(d.predicted)} engine ${JSON.stringify(d.observed)}`).join('; ')}`,
            `  replay: ${replayCommand(f)}`,
            `  scenario: ${JSON.stringify(f.scenario)}`,
          ].join('\n'),
        );
        expect(report.runs).toBe(RUNS);
        expect(report.counts.fail, `seed ${seed}\n${lines.join('\n')}`).toBe(0);
        expect(report.counts['harness-error'], JSON.stringify(report.harnessErrors)).toBe(0);
      } finally {
        await session.close();
      }
    });

    test('preflight-cache command sequences (max-age 4 s) agree with the cache profile', async ({
      corsEngine,
      fixtureServers,
      corsBrowser,
    }) => {
      const cases = sampleCacheCases(seedFromEnv(), 24);
      const session = new RunSession(corsEngine, fixtureServers);
      const executor = browserExecutor(corsEngine, fixtureServers, {
        profile: getEngineProfile(corsBrowser),
        session,
        concurrency: 6,
      });
      try {
        const outcomes = await executor.run(cases.map((c) => c.scenario));
        const bad = outcomes.flatMap((o, i) =>
          o.verdict === 'pass'
            ? []
            : [
                `#${i} ${o.verdict} ${o.note ?? ''} expected preflights ${JSON.stringify(cases[i]?.expected)}, ` +
                  `engine ${JSON.stringify(o.observation === null ? null : preflightTrail(o.observation))}: ` +
                  JSON.stringify(cases[i]?.scenario),
              ],
        );
        expect(bad, bad.join('\n')).toEqual([]);
      } finally {
        await session.close();
      }
    });
  });
}
