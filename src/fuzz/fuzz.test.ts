import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { getEngineProfile } from '../engine-facts/index.js';
import { normalizeHeaders } from '../scenario/placeholders.js';
import { parseScenario } from '../scenario/validate.js';
import { fuzzScenarioArb, sampleScenarios } from './arbitrary.js';
import { modelExecutor, type FuzzExecutor } from './executor.js';
import { runFuzz, scenarioAt, shrinkFailure } from './fuzz.js';
import { parseReplay } from './replay.js';

const SEED = 20261126;

test('a sampled batch holds the values fc.check tries, in order, from any start index', () => {
  const all = fc.sample(fuzzScenarioArb, { seed: SEED, numRuns: 60 });
  expect(sampleScenarios(fuzzScenarioArb, SEED, 0, 60)).toEqual(all);
  expect(sampleScenarios(fuzzScenarioArb, SEED, 40, 20)).toEqual(all.slice(40));
  // fc.check's first value with path "37" is the 38th value of the stream.
  const seen: unknown[] = [];
  fc.check(
    fc.property(fuzzScenarioArb, (s) => {
      seen.push(s);
      return true;
    }),
    { seed: SEED, path: '37', numRuns: 1 },
  );
  expect(seen[0]).toEqual(all[37]);
  // And without a path, check walks the same stream from the start.
  const walked: unknown[] = [];
  fc.check(
    fc.property(fuzzScenarioArb, (s) => {
      walked.push(s);
      return true;
    }),
    { seed: SEED, numRuns: 10 },
  );
  expect(walked).toEqual(all.slice(0, 10));
});

test('every fuzz scenario is valid, with follow-up delays of at most 1.1 s', () => {
  for (const s of sampleScenarios(fuzzScenarioArb, SEED, 0, 300)) {
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
    for (let t = s.then; t !== undefined; t = t.then) {
      expect(t.delayMs ?? 0).toBeLessThanOrEqual(1100);
    }
    expect(s.setup).toBeUndefined();
  }
});

test('the true model as engine and as expectation never disagree', async () => {
  const report = await runFuzz({
    executor: modelExecutor(getEngineProfile('chromium'), null),
    seed: SEED,
    runs: 400,
    batchSize: 100,
  });
  expect(report.runs).toBe(400);
  expect(report.counts.fail).toBe(0);
  expect(report.findings).toEqual([]);
});

test('the injected acrh-unsorted fault is found and shrunk to two unsafe headers', async () => {
  const executor = modelExecutor(getEngineProfile('spec'), 'acrh-unsorted');
  const report = await runFuzz({ executor, seed: SEED, runs: 600, maxShrunk: 1 });
  expect(report.counts.fail).toBeGreaterThan(0);
  const finding = report.findings[0];
  expect(finding?.shrunk).toBe(true);
  if (finding === undefined) return;
  expect(finding.outcome.diffs.map((d) => d.field)).toContain('acrh');
  // Minimal: exactly two request headers (out of order), no redirects, no follow-up.
  expect(normalizeHeaders(finding.scenario.request.headers)).toHaveLength(2);
  expect(finding.scenario.server?.redirects ?? []).toEqual([]);
  expect(finding.scenario.then).toBeUndefined();
  // The replay id reproduces the minimal scenario, and it still fails.
  const { seed, path } = parseReplay(finding.replay);
  const replayed = scenarioAt(seed, path);
  expect(replayed).toEqual(finding.scenario);
  const [again] = await executor.run([replayed]);
  expect(again?.verdict).toBe('fail');
});

test('shrinking a case that does not fail alone reports null', async () => {
  const executor = modelExecutor(getEngineProfile('spec'), null);
  expect(await shrinkFailure(executor, fuzzScenarioArb, SEED, 3)).toBeNull();
});

test('a case failing only in its batch is reported with the batch outcome and its verdict alone', async () => {
  const model = modelExecutor(getEngineProfile('spec'), null);
  // A batch-only failure: index 5 fails whenever it runs beside other cases (load, timing).
  const executor: FuzzExecutor = {
    engine: 'model:spec',
    async run(scenarios) {
      const outcomes = await model.run(scenarios);
      if (scenarios.length < 2) return outcomes;
      return outcomes.map((o, i) =>
        i === 5 ? { ...o, verdict: 'fail', diffs: [{ field: 'x', predicted: 1, observed: 2 }] } : o,
      );
    },
  };
  const report = await runFuzz({ executor, seed: SEED, runs: 10, batchSize: 10 });
  expect(report.counts.fail).toBe(1);
  const [finding] = report.findings;
  expect(finding?.shrunk).toBe(false);
  expect(finding?.aloneVerdict).toBe('pass');
  expect(finding?.outcome.diffs).toEqual([{ field: 'x', predicted: 1, observed: 2 }]);
});

test('harness errors are listed with their cause, and the first few with their verdict alone', async () => {
  const model = modelExecutor(getEngineProfile('spec'), null);
  // Indices 2 and 6 are harness errors in their batch (a wait ran out); alone they pass.
  const executor: FuzzExecutor = {
    engine: 'model:spec',
    async run(scenarios) {
      const outcomes = await model.run(scenarios);
      if (scenarios.length < 2) return outcomes;
      return outcomes.map((o, i) =>
        i === 2 || i === 6 ? { ...o, verdict: 'harness-error', note: 'wait ran out' } : o,
      );
    },
  };
  const report = await runFuzz({
    executor,
    seed: SEED,
    runs: 10,
    batchSize: 10,
    maxHarnessReplays: 1,
  });
  expect(report.counts['harness-error']).toBe(2);
  expect(report.harnessErrors).toEqual([
    { replay: `${SEED}:2`, note: 'wait ran out', aloneVerdict: 'pass' },
    { replay: `${SEED}:6`, note: 'wait ran out' },
  ]);
});

test('batched shrinking ends on the same path as fast-check shrinking one candidate at a time', async () => {
  const executor = modelExecutor(getEngineProfile('spec'), 'acrh-unsorted');
  const report = await runFuzz({ executor, seed: SEED, runs: 300, maxShrunk: 0 });
  const index = Number(report.unshrunk[0]?.split(':')[1]);
  expect(Number.isInteger(index)).toBe(true);
  const batched = await shrinkFailure(executor, fuzzScenarioArb, SEED, index, {
    width: 7,
    maxRuns: 10_000,
  });
  const sequential = await fc.check(
    fc.asyncProperty(fuzzScenarioArb, async (s) => {
      const [o] = await executor.run([s]);
      return o?.verdict !== 'fail';
    }),
    { seed: SEED, path: String(index), numRuns: 1 },
  );
  expect(batched?.path).toBe(sequential.counterexamplePath);
  expect(batched?.scenario).toEqual(sequential.counterexample?.[0]);
});

test('batches in flight and shrinking beside generation change no count, index or finding', async () => {
  const calls: number[] = [];
  const inner = modelExecutor(getEngineProfile('spec'), 'acrh-unsorted');
  // Resolves each call a turn later, so several are really in flight; logs each call's size.
  const executor: FuzzExecutor = {
    engine: inner.engine,
    run: async (s) => {
      calls.push(s.length);
      await new Promise((r) => setTimeout(r, 1));
      return inner.run(s);
    },
  };
  const piped = await runFuzz({ executor, seed: SEED, runs: 1000, batchSize: 100, maxShrunk: 1 });
  const serial = await runFuzz({
    executor: inner,
    seed: SEED,
    runs: 1000,
    batchSize: 100,
    maxShrunk: 1,
    batchesInFlight: 1,
  });
  expect(piped.counts).toEqual(serial.counts);
  expect(piped.failing).toEqual(serial.failing);
  expect(piped.unshrunk).toEqual(serial.unshrunk);
  expect(piped.findings.map((f) => f.replay)).toEqual(serial.findings.map((f) => f.replay));
  // The first shrink call (one scenario) came before the last generation batch.
  const firstShrink = calls.findIndex((n) => n < 100);
  const lastBatch = calls.lastIndexOf(100);
  expect(firstShrink).toBeGreaterThan(-1);
  expect(firstShrink).toBeLessThan(lastBatch);
});
