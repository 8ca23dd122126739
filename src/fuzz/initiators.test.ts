import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { predict } from '../model/predict.js';
import { SPEC } from '../model/spec-profile.js';
import { CHROMIUM } from '../engine-facts/index.js';
import { INITIATOR_APIS } from '../scenario/types.js';
import { parseScenario } from '../scenario/validate.js';
import { fuzzInitiatorScenarioArb, fuzzScenarioArb, sampleScenarios } from './arbitrary.js';
import { modelExecutor } from './executor.js';
import { generatorArb, runFuzz, scenarioAt } from './fuzz.js';
import { replayCommand } from './repro.js';

test('the initiator generator makes valid scenarios that predict an initiator block', () => {
  fc.assert(
    fc.property(fuzzInitiatorScenarioArb, (s) => {
      expect(() => parseScenario(s)).not.toThrow();
      for (const engine of [SPEC, CHROMIUM]) expect(predict(s, { engine }).initiator).toBeDefined();
    }),
    { numRuns: 400, seed: 7 },
  );
});

test('an initiator case keeps the fixture asset: no generated body on the final answer', () => {
  const cases = sampleScenarios(fuzzInitiatorScenarioArb, 11, 0, 2000);
  expect(cases.filter((s) => s.server?.actual?.body !== undefined)).toEqual([]);
  expect(cases.filter((s) => s.server?.actual !== undefined).length).toBeGreaterThan(0);
});

test('every initiator api comes out of the generator', () => {
  const apis = new Set(
    sampleScenarios(fuzzInitiatorScenarioArb, 11, 0, 2000).map((s) => s.request.api),
  );
  expect([...INITIATOR_APIS].filter((a) => !apis.has(a))).toEqual([]);
});

test('the default generator stream does not move; the flag picks the generator', () => {
  expect(generatorArb(undefined)).toBe(fuzzScenarioArb);
  expect(generatorArb('initiators')).toBe(fuzzInitiatorScenarioArb);
  // A fetch/XHR case stays a fetch/XHR case under its replay id.
  const api = scenarioAt(4242, '946').request.api ?? 'fetch';
  expect(['fetch', 'xhr']).toContain(api);
  expect(scenarioAt(4242, '946', fuzzInitiatorScenarioArb).request.api).not.toBe('fetch');
  expect(replayCommand({ engine: 'chromium', replay: '1:2', generator: 'initiators' })).toBe(
    'npx cors-conformance fuzz --engine chromium --initiators --replay 1:2',
  );
});

test('a model-vs-model run of the initiator generator has no disagreement and no model error', async () => {
  const report = await runFuzz({
    executor: modelExecutor(SPEC, null),
    seed: 2026,
    runs: 300,
    generator: 'initiators',
  });
  expect(report.counts['harness-error']).toBe(0);
  expect(report.counts.fail).toBe(0);
  expect(report.runs).toBe(300);
});
