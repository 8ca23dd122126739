import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { predict } from '../model/predict.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { parseScenario } from '../scenario/validate.js';
import {
  LONG_ADVANCE_MS,
  CacheModel,
  buildCacheCase,
  cacheSequenceArb,
  preflightTrail,
  sampleCacheCases,
} from './cache-commands.js';

test('the commands build valid scenarios whose waits stay short', () => {
  for (const c of sampleCacheCases(3, 100)) {
    expect(parseScenario(JSON.parse(JSON.stringify(c.scenario)))).toEqual(c.scenario);
    let total = 0;
    for (let t = c.scenario.then; t !== undefined; t = t.then) total += t.delayMs ?? 0;
    expect(total).toBeLessThanOrEqual(6 * LONG_ADVANCE_MS);
    expect(c.expected[0]).toBe(true);
  }
});

for (const engine of ['spec', 'chromium', 'firefox', 'webkit'] as const) {
  test(`the reference model's preflight cache (${engine} profile) agrees with the tiny cache model`, () => {
    fc.assert(
      fc.property(cacheSequenceArb, (input) => {
        const c = buildCacheCase(input);
        const p = predict(c.scenario, { engine: getEngineProfile(engine) });
        expect(preflightTrail(p)).toEqual(c.expected);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
}

test('the tiny cache model: an entry lives for max-age seconds, then a preflight refreshes it', () => {
  const one = new CacheModel(1);
  expect(one.request('PUT', null)).toBe(true);
  one.now += 250;
  expect(one.request('DELETE', 'x-a')).toBe(false);
  expect(one.request('GET', null)).toBe(false);
  one.now += 1100;
  expect(one.request('GET', 'x-b')).toBe(true);
  const two = new CacheModel(2);
  expect(two.request('PUT', null)).toBe(true);
  two.now += 1100;
  expect(two.request('PUT', null)).toBe(false);
  two.now += 1100;
  expect(two.request('PUT', null)).toBe(true);
  expect(two.expected).toEqual([true, false, true]);
});
