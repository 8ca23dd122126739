// Regression cases derived from web-platform-tests assertions (fetch/api/cors, fetch/api/redirect,
// fetch/origin), run against the reference model with the `spec` engine profile.
//
// The data lives in wpt-cases.json: one row per WPT test, with the portable scenario, the
// subset of the Prediction the WPT test establishes (plus spec consequences named in `note`),
// and, where the model disagrees with the spec, `knownModelBug` explaining why. Those rows run
// under `test.fail()` so the suite stays green while the bug stays visible: fixing the model
// turns them into "unexpected pass" failures, the cue to delete the `knownModelBug` entry.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parseScenario } from '../scenario/validate.js';
import type { Prediction } from '../scenario/types.js';
import { predict } from './predict.js';
import { getEngineProfile } from '../engine-facts/index.js';

/** The Prediction fields a case may assert (`because` is prose, never asserted). */
type ExpectedPrediction = Partial<Omit<Prediction, 'because' | 'wire' | 'then'>> & {
  wire?: Partial<NonNullable<Prediction['wire']>[number]>[];
  then?: ExpectedPrediction;
};

interface WptCase {
  /** `<wpt file stem>/<short name>`, unique. */
  id: string;
  /** `<wpt path>: <test name>`: where the assertion comes from. */
  wpt: string;
  scenario: unknown;
  expect: ExpectedPrediction;
  note?: string;
  /** The model disagrees with the spec here: analysis with fetch.bs anchors. */
  knownModelBug?: string;
}

const CASES_URL = new URL('./wpt-cases.json', import.meta.url);

function loadCases(): WptCase[] {
  const data: unknown = JSON.parse(readFileSync(CASES_URL, 'utf8'));
  if (!Array.isArray(data)) throw new Error(`${CASES_URL.pathname}: expected a JSON array`);
  return data as WptCase[];
}

const cases = loadCases();
const spec = getEngineProfile('spec');

test.describe('wpt-cases.json data', () => {
  test('has 200+ cases with unique ids, each citing its WPT test', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const ids = cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of cases) {
      expect(c.id, c.id).toMatch(/^[a-z0-9-]+\/[a-z0-9*-]+$/);
      expect(c.wpt, c.id).toMatch(/^(fetch|xhr)\/\S+\.(js|html?): ./);
      expect(Object.keys(c.expect).length, c.id).toBeGreaterThan(0);
    }
  });

  test('every scenario is a valid portable scenario', () => {
    for (const c of cases) expect(() => parseScenario(c.scenario, c.id), c.id).not.toThrow();
  });
});

test.describe('WPT-derived cases, spec profile', () => {
  for (const c of cases) {
    test(c.id, () => {
      if (c.knownModelBug !== undefined) test.fail(true, c.knownModelBug);
      const scenario = parseScenario(c.scenario, c.id);
      const got = predict(scenario, { engine: spec });
      expect(got, `${c.wpt}${c.note ? `\n${c.note}` : ''}`).toMatchObject(c.expect);
    });
  }
});
