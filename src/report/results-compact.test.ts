// What keeps results.json small: named fixture ports, prediction patches, and the version-3
// tables and left-out fields.
import { expect, test } from '@playwright/test';
import { applyPatch, patchOf } from './json-patch.js';
import type { Prediction, Scenario } from '../scenario/types.js';
import { namePorts, portNamesOf, portsByName, restorePorts } from './results-ports.js';
import { compactResults, expandResults, type CaseV2 } from './results-tables.js';

test('a patch turns the base into the value, whatever changed', () => {
  const base = { a: 1, list: [{ x: 1 }, { x: 2 }, { x: 3 }], gone: true, then: { b: 'x' } };
  const values = [
    base,
    { ...base, a: 2 },
    { ...base, list: [{ x: 1 }, { x: 9 }] },
    { ...base, list: [...base.list, { x: 4 }] },
    { a: 1, list: base.list, then: { b: 'x' } },
    { ...base, then: null },
    { ...base, extra: [1, 2] },
    null,
  ];
  for (const v of values) expect(applyPatch(base, patchOf(base, v))).toEqual(v);
  expect(patchOf(base, base)).toBeUndefined();
  // Only what changed is written.
  expect(patchOf(base, { ...base, list: [{ x: 1 }, { x: 9 }, { x: 3 }] })).toEqual({
    list: { '#': 3, '1': { x: { '=': 9 } } },
  });
});

test('fixture ports are named per engine and restored; a scenario port of its own stays', () => {
  const chromium = 'http://example.net:4001/a http://example.com:4002/b https://example.net:4003/c';
  const odd = 'http://example.com:40010/x https://example.com:4001/y';
  const names = portNamesOf([chromium, chromium, odd]);
  expect(names).toEqual({ '4001': 'P', '4002': 'Q', '4003': 'R' });
  const named = namePorts(`${chromium} ${odd}`, names);
  expect(named).toBe(
    'http://example.net:{port:P}/a http://example.com:{port:Q}/b https://example.net:{port:R}/c ' +
      'http://example.com:40010/x https://example.com:{port:P}/y',
  );
  expect(restorePorts(named, portsByName(names))).toBe(`${chromium} ${odd}`);
  // Another engine's numbers give the same named text.
  const firefox = chromium
    .replace(/4001/g, '5001')
    .replace(/4002/g, '5002')
    .replace(/4003/g, '5003');
  expect(namePorts(firefox, portNamesOf([firefox]))).toBe(namePorts(chromium, names));
  expect(portNamesOf(['http://127.0.0.1:4001/'])).toBeNull();
});

test('version 3 tables: fields equal to what follows from the rest are left out, others kept', () => {
  const because = [{ algorithm: 'concept-cors-check', step: '4', message: 'passes' }];
  const spec = {
    preflight: false,
    acrm: null,
    acrh: null,
    actualSent: true,
    outcome: 'ok',
    status: 200,
    responseType: 'cors',
    originHeader: 'http://example.com:{port:P}',
    readableHeaders: [],
    wire: [],
    because,
  } as unknown as Prediction;
  const scenario: Scenario = { id: 'a/b', request: {} };
  const header: [string, string] = ['Accept', '*/*'];
  const request = {
    ...{ kind: 'request' as const, seq: 1, time: 5, token: 't', hop: 0, method: 'GET' },
    ...{ target: '/', origin: 'http://example.net:{port:P}', rawHeaders: [header, header] },
    ...{ preflight: false, bodyLength: 0 },
  };
  const { because: _b, ...fields } = spec;
  const base: CaseV2 = {
    ...{ key: 'a/b@chromium', id: 'a/b', engine: 'chromium', client: 'page', verdict: 'pass' },
    ...{ diffs: [], specDiffs: [{ field: 'status', predicted: 200, observed: 201 }] },
    ...{ journal: [request], console: ['m', 'm'] },
    observation: { ...fields, status: 201, url: 'u' },
  };
  const cases: CaseV2[] = [
    base,
    // An observation without one of the prediction's fields is stored whole.
    { ...base, engine: 'webkit', key: 'a/b@webkit', observation: { url: 'u' } },
    // A key, a client and spec diffs that do not follow from the rest are kept.
    { ...base, engine: 'firefox', key: 'other', client: 'worker', specDiffs: [] },
  ];
  const shared = { 'a/b': { scenario, specPrediction: spec } };
  const v3 = compactResults(shared, cases);
  expect(v3.tables.headers).toEqual([header]);
  expect(v3.tables.reasons).toEqual(because);
  const [first, second, third] = v3.cases as Record<string, unknown>[];
  expect(first).toMatchObject({ observed: { status: 201, url: 'u' }, console: [1, 1] });
  expect(first).not.toHaveProperty('key');
  expect(first).not.toHaveProperty('specDiffs');
  expect(second).toMatchObject({ observation: { url: 'u' } });
  expect(second).toHaveProperty('specDiffs');
  expect(third).toMatchObject({ key: 'other', client: 'worker', specDiffs: [] });
  const back = expandResults(v3.tables, v3.scenarios, v3.cases);
  expect(back.scenarios).toEqual(shared);
  expect(back.cases[0]).toEqual(base);
  expect(back.cases[1]).toEqual(cases[1]);
  expect(back.cases[2]).toEqual(cases[2]);
});
