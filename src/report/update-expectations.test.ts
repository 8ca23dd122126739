import { expect, test } from '@playwright/test';
import * as prettier from 'prettier';
import type { ExpectationMap } from '../harness/types.js';
import type { ResultCase } from './update-expectations.js';
import { formatExpectations, updateExpectations } from './update-expectations.js';

const diff = (field: string) => ({ field, predicted: 1, observed: 2 });
const CURRENT: ExpectationMap = {
  'a/still-deviating': { reason: 'r1', evidence: 'https://e1', fields: ['acrh'] },
  'a/stale': { reason: 'r2', evidence: 'https://e2' },
  'a/not-in-run': { reason: 'r3', evidence: 'https://e3' },
  'a/drifted': { reason: 'r4', evidence: 'https://e4', fields: ['acrh'] },
  'a/broken-run': { reason: 'r5', evidence: 'https://e5' },
};
const CASES: ResultCase[] = [
  { id: 'a/still-deviating', engine: 'firefox', verdict: 'known-deviation', diffs: [diff('acrh')] },
  { id: 'a/stale', engine: 'firefox', verdict: 'unexpected-pass', diffs: [] },
  {
    id: 'a/drifted',
    engine: 'firefox',
    verdict: 'fail',
    diffs: [diff('acrh'), diff('then.status')],
  },
  { id: 'a/broken-run', engine: 'firefox', verdict: 'harness-error', diffs: [] },
  {
    id: 'z/new',
    engine: 'firefox',
    verdict: 'fail',
    diffs: [diff('x')],
    specDiffs: [diff('preflight'), diff('then.preflight')],
  },
  { id: 'b/new', engine: 'firefox', verdict: 'fail', diffs: [diff('status')] },
  { id: 'c/passes', engine: 'firefox', verdict: 'pass', diffs: [] },
  { id: 'c/other-engine', engine: 'chromium', verdict: 'fail', diffs: [diff('status')] },
];

test('update: keep deviating, drop stale, widen drifted, add new failures as TODO', () => {
  const { expectations, changes } = updateExpectations(CURRENT, CASES, 'firefox');
  expect(Object.keys(expectations)).toEqual([
    'a/still-deviating',
    'a/not-in-run',
    'a/drifted',
    'a/broken-run',
    'b/new',
    'z/new',
  ]);
  expect(expectations['a/drifted']?.fields).toEqual(['acrh', 'then.status']);
  expect(expectations['z/new']).toEqual({
    reason: 'TODO',
    evidence: 'TODO',
    fields: ['preflight', 'then.preflight'],
  });
  expect(changes.map((c) => `${c.change} ${c.id}`)).toEqual([
    'removed a/stale',
    'widened a/drifted',
    'added z/new',
    'added b/new',
  ]);
  expect(CURRENT['a/stale']).toBeDefined(); // the input is not changed
  expect(updateExpectations(CURRENT, CASES, 'webkit').changes).toEqual([]);
});

test('the file text is what Prettier prints', async () => {
  const long = Array.from({ length: 9 }, (_, i) => `then.then.readableHeaders${i}`);
  const map: ExpectationMap = {
    'a/x': {
      reason: 'Chromium says "no"',
      evidence: 'https://e',
      fields: ['acrh', 'then.preflight'],
    },
    'a/long': { reason: 'r', evidence: 'e', fields: long },
    'a/none': { reason: 'r', evidence: 'e' },
  };
  for (const m of [map, {}]) {
    const text = formatExpectations(m);
    expect(JSON.parse(text)).toEqual(m);
    const pretty = await prettier.format(text, { parser: 'json', printWidth: 100 });
    expect(text).toBe(pretty);
  }
});
