import { expect, test } from '@playwright/test';
import type { ResultCase } from './side-by-side.js';
import { sideBySide, sideBySideReport } from './side-by-side.js';

const prediction = (port: number, preflight = true) => ({
  preflight,
  outcome: 'ok',
  originHeader: `http://example.com:${port}`,
  readableHeaders: ['content-length'],
});

function engineCase(engine: string, port: number, observedPreflight = true): ResultCase {
  return {
    id: 's',
    engine,
    verdict: observedPreflight ? 'pass' : 'fail',
    prediction: prediction(port),
    specPrediction: prediction(port),
    observation: prediction(port, observedPreflight),
    diffs: observedPreflight ? [] : [{ field: 'preflight' }],
  };
}

test('agreeing engines on their own ports: no field marked', () => {
  const text = sideBySide('s', [engineCase('chromium', 1000), engineCase('firefox', 2000)]);
  expect(text.split('\n')[0]).toBe('s: chromium pass; firefox pass');
  expect(text).toMatch(/^ {2}originHeader\s+http:\/\/example.com:1000/m);
  expect(text).not.toMatch(/^\* /m);
});

test('an engine that did otherwise: its field is marked and its diff named', () => {
  const text = sideBySide('s', [engineCase('chromium', 1000), engineCase('webkit', 2000, false)]);
  expect(text).toMatch(/^\* preflight\s+true\s+true\s+true\s+true\s+false$/m);
  expect(text).toMatch(/^ {2}outcome/m);
  expect(text).toContain('webkit differs from its profile in preflight');
});

test('a scenario without results says it did not run', () => {
  const tables = [{ name: 'my.json', scenarios: [{ id: 'x', request: {} }] }];
  expect(sideBySideReport(tables, [])).toContain('x: no result (did not run)');
});
