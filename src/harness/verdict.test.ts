import { expect, test } from '@playwright/test';
import type { DeviationRule, Evidence } from '../engine-facts/types.js';
import type { Prediction, Scenario } from '../scenario/types.js';
import type { Observation } from './types.js';
import { NO_FACTS, compare, judge, profileKnobs, type JudgeFacts } from './verdict.js';

const PAGE = 'http://example.com:4001';
function prediction(over: Partial<Prediction> = {}): Prediction {
  return {
    preflight: true,
    acrm: 'PUT',
    acrh: null,
    actualSent: true,
    outcome: 'ok',
    status: 200,
    responseType: 'cors',
    originHeader: PAGE,
    readableHeaders: ['content-length'],
    because: [],
    ...over,
  };
}
function observation(over: Partial<Observation> = {}): Observation {
  return {
    preflight: true,
    acrm: 'PUT',
    acrh: null,
    actualSent: true,
    outcome: 'ok',
    status: 200,
    statusText: 'OK',
    responseType: 'cors',
    url: 'u',
    redirected: false,
    originHeader: PAGE,
    readableHeaders: ['content-length'],
    body: '',
    error: null,
    elapsedMs: 1,
    wire: [],
    ...over,
  };
}

test('identical prediction and observation: pass, no diffs', () => {
  const j = judge({
    scenario: SCENARIO,
    prediction: prediction(),
    specPrediction: prediction(),
    observation: observation(),
    facts: NO_FACTS,
  });
  expect(j).toEqual({ verdict: 'pass', diffs: [], specDiffs: [] });
});

const rows: {
  name: string;
  p?: Partial<Prediction>;
  o?: Partial<Observation>;
  fields: string[];
}[] = [
  { name: 'extra preflight', p: { preflight: false, acrm: null }, fields: ['preflight'] },
  { name: 'ACRH differs', p: { acrh: 'x-a' }, o: { acrh: 'x-a,x-b' }, fields: ['acrh'] },
  {
    name: 'actual request sent although denied',
    p: {
      actualSent: false,
      outcome: 'network-error',
      status: null,
      responseType: null,
      originHeader: null,
      readableHeaders: [],
    },
    fields: ['actualSent', 'outcome', 'status', 'responseType', 'readableHeaders'],
  },
  { name: 'Origin header differs', o: { originHeader: 'null' }, fields: ['originHeader'] },
  {
    name: 'readable headers compared as sets',
    p: { readableHeaders: ['b', 'a'] },
    o: { readableHeaders: ['a', 'b'] },
    fields: [],
  },
  {
    name: 'readable headers differ',
    o: { readableHeaders: ['content-length', 'x-secret'] },
    fields: ['readableHeaders'],
  },
  { name: 'XHR has no response type: not compared', o: { responseType: null }, fields: [] },
  {
    name: 'ACRM not compared when no preflight was predicted',
    p: { preflight: false, acrm: null },
    o: { acrm: 'PUT' },
    fields: ['preflight'],
  },
];
for (const row of rows) {
  test(`compare: ${row.name}`, () => {
    expect(compare(prediction(row.p), observation(row.o)).map((d) => d.field)).toEqual(row.fields);
  });
}

test('then chain: diffs carry the step path; a missing step is a diff', () => {
  const p = prediction({ then: prediction({ preflight: false, acrm: null }) });
  const o = observation({ then: observation() });
  expect(compare(p, o)).toEqual([{ field: 'then.preflight', predicted: false, observed: true }]);
  expect(compare(p, observation()).map((d) => d.field)).toEqual(['then']);
});

test('cookie trail compared only when asked', () => {
  const p = prediction({
    wire: [{ hop: 0, preflight: false, method: 'GET', origin: PAGE, cookie: true }],
  });
  const o = observation({
    wire: [{ hop: 0, preflight: false, method: 'GET', origin: PAGE, cookie: false }],
  });
  expect(compare(p, o)).toEqual([]);
  expect(compare(p, o, { cookies: true })).toEqual([
    { field: 'cookie', predicted: [true], observed: [false] },
  ]);
});

// The verdict rules as a table: engine prediction E, spec prediction S, observation O, and
// the engine's facts (knob evidence, rules).
const EVIDENCED: Evidence = { status: 'evidenced', upstream: [{ bug: 'https://bugs.example/1' }] };
const UNCONFIRMED: Evidence = { status: 'unconfirmed', observed: 'o', searched: 's' };
const SPEC_NO_PREFLIGHT = { preflight: false, acrm: null };
const KNOB = 'maxAgeCapSeconds';
const KNOB_PREFLIGHT = prediction({
  because: [{ algorithm: 'cors-preflight-cache', step: '1', message: 'm', deviation: KNOB }],
});
function rule(over: Partial<DeviationRule> = {}): DeviationRule {
  return {
    id: 'r1',
    reason: 'engine bug 1',
    fields: ['acrh'],
    when: { request: { method: ['PUT'] } },
    evidence: EVIDENCED,
    ...over,
  };
}
const KNOB_EVIDENCED: JudgeFacts = { knobs: { [KNOB]: { evidence: EVIDENCED } }, rules: [] };
const KNOB_UNCONFIRMED: JudgeFacts = { knobs: { [KNOB]: { evidence: UNCONFIRMED } }, rules: [] };
const SCENARIO: Scenario = { id: 'x/y', request: { method: 'PUT', target: 'cross-origin' } };

const ruleRows: {
  name: string;
  engine: Prediction;
  spec: Prediction | null;
  o: Partial<Observation>;
  facts?: JudgeFacts;
  scenario?: Scenario;
  verdict: string;
  note?: RegExp;
}[] = [
  { name: 'matches both', engine: prediction(), spec: prediction(), o: {}, verdict: 'pass' },
  {
    name: 'matches the engine profile only: the knob is named, evidenced',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: {},
    facts: KNOB_EVIDENCED,
    verdict: 'known-deviation',
    note: /knob maxAgeCapSeconds.*preflight/,
  },
  {
    name: 'matches the engine profile only, the knob unconfirmed',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: {},
    facts: KNOB_UNCONFIRMED,
    verdict: 'unconfirmed-deviation',
  },
  {
    name: 'a knob without recorded evidence counts as unconfirmed',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: {},
    verdict: 'unconfirmed-deviation',
  },
  {
    name: 'matches the spec only',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: SPEC_NO_PREFLIGHT,
    verdict: 'fail',
  },
  {
    name: 'matches neither, no rule',
    engine: prediction(),
    spec: prediction(),
    o: { status: 500 },
    verdict: 'fail',
  },
  {
    name: 'no spec prediction: the engine prediction stands in',
    engine: prediction(),
    spec: null,
    o: {},
    verdict: 'pass',
  },
  {
    name: 'a rule listing the row, which now matches the spec: stale',
    engine: prediction(),
    spec: prediction(),
    o: {},
    facts: { knobs: {}, rules: [rule({ rows: ['x/y'] })] },
    verdict: 'unexpected-pass',
    note: /rule r1 lists this row/,
  },
  {
    name: 'a rule that matches but does not list the row: a pass stays a pass',
    engine: prediction(),
    spec: prediction(),
    o: {},
    facts: { knobs: {}, rules: [rule()] },
    verdict: 'pass',
  },
  {
    name: 'a rule covering the differing field, evidenced',
    engine: prediction(),
    spec: prediction(),
    o: { acrh: 'x-a' },
    facts: { knobs: {}, rules: [rule()] },
    verdict: 'known-deviation',
    note: /r1: engine bug 1/,
  },
  {
    name: 'a rule covering the differing field, unconfirmed',
    engine: prediction(),
    spec: prediction(),
    o: { acrh: 'x-a' },
    facts: { knobs: {}, rules: [rule({ evidence: UNCONFIRMED })] },
    verdict: 'unconfirmed-deviation',
  },
  {
    name: 'a rule whose matcher does not hold',
    engine: prediction(),
    spec: prediction(),
    o: { acrh: 'x-a' },
    facts: { knobs: {}, rules: [rule({ when: { request: { method: ['DELETE'] } } })] },
    verdict: 'fail',
  },
  {
    name: 'a then-step field is judged on the follow-up request',
    engine: prediction({ then: prediction() }),
    spec: prediction({ then: prediction() }),
    o: { then: observation({ acrh: 'x-a' }) },
    facts: { knobs: {}, rules: [rule({ when: { step: 'then' } })] },
    scenario: { ...SCENARIO, then: {} },
    verdict: 'known-deviation',
  },
  {
    name: "a difference outside the rule's fields fails, naming the listing rule",
    engine: prediction(),
    spec: prediction(),
    o: { acrh: 'x-a', status: 201 },
    facts: { knobs: {}, rules: [rule({ rows: ['x/y'] })] },
    verdict: 'fail',
    note: /rule r1 lists this row but does not cover every difference/,
  },
];
for (const row of ruleRows) {
  test(`judge: ${row.name}`, () => {
    const j = judge({
      scenario: row.scenario ?? SCENARIO,
      prediction: row.engine,
      specPrediction: row.spec,
      observation: observation(row.o),
      facts: row.facts ?? NO_FACTS,
    });
    expect(j.verdict).toBe(row.verdict);
    if (row.note) expect(j.note).toMatch(row.note);
  });
}

test('profileKnobs follows the then chain, each knob once', () => {
  const p = prediction({
    because: [{ algorithm: 'a', step: '1', message: 'm', deviation: 'maxAgeCapSeconds' }],
    then: prediction({
      because: [
        { algorithm: 'a', step: '1', message: 'm', deviation: 'preflightCacheShape' },
        { algorithm: 'a', step: '2', message: 'm', deviation: 'maxAgeCapSeconds' },
      ],
    }),
  });
  expect(profileKnobs(p)).toEqual(['maxAgeCapSeconds', 'preflightCacheShape']);
});
