import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Prediction } from '../scenario/types.js';
import type { CaseResult, Observation } from './types.js';
import {
  compare,
  decideVerdict,
  judge,
  judgeCase,
  loadExpectations,
  parseExpectations,
  profileKnobs,
  verdict,
} from './verdict.js';

const PAGE = 'http://a.test:4001';
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
  expect(verdict(prediction(), observation(), undefined)).toEqual({ verdict: 'pass', diffs: [] });
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

test('verdicts with expectations', () => {
  const diff = [{ field: 'then.preflight', predicted: false, observed: true }];
  expect(decideVerdict(diff, undefined)).toBe('fail');
  expect(decideVerdict(diff, { reason: 'r', evidence: 'e' })).toBe('known-deviation');
  expect(decideVerdict(diff, { reason: 'r', evidence: 'e', fields: ['preflight'] })).toBe(
    'known-deviation',
  );
  expect(decideVerdict(diff, { reason: 'r', evidence: 'e', fields: ['acrh'] })).toBe('fail');
  expect(decideVerdict([], { reason: 'r', evidence: 'e' })).toBe('unexpected-pass');
});

test('expectation files: shape checked, missing file = none', async () => {
  expect(() => parseExpectations([])).toThrow(/must be an object/);
  expect(() => parseExpectations({ a: { reason: 'r' } })).toThrow(/entry "a"/);
  const dir = await mkdtemp(join(tmpdir(), 'cc-exp-'));
  try {
    expect(await loadExpectations(dir, 'chromium')).toEqual({});
    await writeFile(
      join(dir, 'firefox.json'),
      JSON.stringify({ 'x/y': { reason: 'r', evidence: 'https://e', fields: ['acrh'] } }),
    );
    expect(await loadExpectations(dir, 'firefox')).toEqual({
      'x/y': { reason: 'r', evidence: 'https://e', fields: ['acrh'] },
    });
    await writeFile(join(dir, 'webkit.json'), '{');
    await expect(loadExpectations(dir, 'webkit')).rejects.toThrow(/webkit.json: not valid JSON/);
  } finally {
    await rm(dir, { recursive: true });
  }
});

// The verdict rules as a table: engine prediction E, spec prediction S, observation O.
const SPEC_NO_PREFLIGHT = { preflight: false, acrm: null };
const KNOB_PREFLIGHT = prediction({
  because: [
    { algorithm: 'cors-preflight-cache', step: '1', message: 'm', deviation: 'preflightCache' },
  ],
});
const ruleRows: {
  name: string;
  engine: Prediction;
  spec: Prediction | null;
  o: Partial<Observation>;
  expectation?: { reason: string; evidence: string; fields?: string[] };
  verdict: string;
  note?: RegExp;
}[] = [
  {
    name: 'not listed, matches both',
    engine: prediction(),
    spec: prediction(),
    o: {},
    verdict: 'pass',
  },
  {
    name: 'not listed, matches the engine profile only: the knob is named',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: {},
    verdict: 'known-deviation',
    note: /knob preflightCache.*preflight/,
  },
  {
    name: 'not listed, matches the spec only',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: SPEC_NO_PREFLIGHT,
    verdict: 'fail',
  },
  {
    name: 'not listed, matches neither',
    engine: prediction(),
    spec: prediction(),
    o: { status: 500 },
    verdict: 'fail',
  },
  {
    name: 'not listed, no spec prediction: the engine prediction stands in',
    engine: prediction(),
    spec: null,
    o: {},
    verdict: 'pass',
  },
  {
    name: 'listed, matches the spec: stale entry',
    engine: prediction(),
    spec: prediction(),
    o: {},
    expectation: { reason: 'r', evidence: 'e' },
    verdict: 'unexpected-pass',
    note: /remove the entry/,
  },
  {
    name: 'listed, matches the engine profile (not the spec)',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: {},
    expectation: { reason: 'engine bug 1', evidence: 'e', fields: ['acrh'] },
    verdict: 'known-deviation',
    note: /engine bug 1/,
  },
  {
    name: 'listed, differs from the spec only in the listed fields',
    engine: prediction(),
    spec: prediction(),
    o: { acrh: 'x-a' },
    expectation: { reason: 'r', evidence: 'e', fields: ['acrh'] },
    verdict: 'known-deviation',
  },
  {
    name: 'listed, then-step field covered by a bare field name',
    engine: prediction({ then: prediction() }),
    spec: prediction({ then: prediction() }),
    o: { then: observation({ acrh: 'x-a' }) },
    expectation: { reason: 'r', evidence: 'e', fields: ['acrh'] },
    verdict: 'known-deviation',
  },
  {
    name: 'listed, a knob moves one field and the entry covers the other',
    engine: KNOB_PREFLIGHT,
    spec: prediction(SPEC_NO_PREFLIGHT),
    o: { acrh: 'x-a' },
    expectation: { reason: 'r', evidence: 'e', fields: ['acrh'] },
    verdict: 'known-deviation',
  },
  {
    name: 'listed, differs outside the listed fields',
    engine: prediction(),
    spec: prediction(),
    o: { acrh: 'x-a', status: 201 },
    expectation: { reason: 'r', evidence: 'e', fields: ['acrh'] },
    verdict: 'fail',
    note: /outside the listed fields \(acrh\): status/,
  },
  {
    name: 'listed without fields: any difference from the spec',
    engine: prediction(),
    spec: prediction(),
    o: { status: 201, outcome: 'network-error' },
    expectation: { reason: 'r', evidence: 'e' },
    verdict: 'known-deviation',
  },
];
for (const row of ruleRows) {
  test(`judge: ${row.name}`, () => {
    const j = judge({
      prediction: row.engine,
      specPrediction: row.spec,
      observation: observation(row.o),
      expectation: row.expectation,
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
        { algorithm: 'a', step: '1', message: 'm', deviation: 'preflightCache' },
        { algorithm: 'a', step: '2', message: 'm', deviation: 'maxAgeCapSeconds' },
      ],
    }),
  });
  expect(profileKnobs(p)).toEqual(['maxAgeCapSeconds', 'preflightCache']);
});

test('verdict() passes the spec prediction through; judgeCase re-judges a runner result', () => {
  const v = verdict(KNOB_PREFLIGHT, observation(), undefined, {
    cookies: false,
    spec: prediction(SPEC_NO_PREFLIGHT),
  });
  expect(v.verdict).toBe('known-deviation');
  expect(verdict(KNOB_PREFLIGHT, observation(), undefined).verdict).toBe('pass');
  const base: CaseResult = {
    scenario: { id: 'x/y', request: {} },
    engine: 'chromium',
    client: 'page',
    token: 't',
    prediction: prediction(),
    specPrediction: prediction(),
    observation: observation(),
    journal: [],
    console: [],
    verdict: 'pass',
    diffs: [],
  };
  const stale = judgeCase(base, { 'x/y': { reason: 'r', evidence: 'e' } });
  expect(stale.verdict).toBe('unexpected-pass');
  expect(judgeCase(stale, {})).toEqual(base);
  const broken: CaseResult = { ...base, verdict: 'harness-error', observation: null, note: 'n' };
  expect(judgeCase(broken, {})).toBe(broken);
});
