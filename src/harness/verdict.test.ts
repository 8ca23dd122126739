import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Prediction } from '../scenario/types.js';
import type { Observation } from './types.js';
import { compare, decideVerdict, loadExpectations, parseExpectations, verdict } from './verdict.js';

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
