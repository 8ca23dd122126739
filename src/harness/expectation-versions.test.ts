import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import {
  checkVersionsField,
  expectationsForVersion,
  majorVersion,
  parseVersionRange,
  versionInRange,
} from './expectation-versions.js';
import type { ExpectationMap } from './types.js';
import { loadExpectations } from './verdict.js';

test('major versions of real engine version strings', () => {
  expect(majorVersion('156.0.8078.108')).toBe(156);
  expect(majorVersion('153.7.0esr')).toBe(153);
  expect(majorVersion('2.50.1')).toBe(2);
  expect(majorVersion('unknown')).toBeNull();
});

test('ranges: all comparators of an alternative hold, any alternative', () => {
  const cases: Array<[string, string, boolean]> = [
    ['>=150 <157', '150.0.1', true],
    ['>=150 <157', '156.0.8078.108', true],
    ['>=150 <157', '157.0.1', false],
    ['>=150 <157', '149.9', false],
    ['156', '156.1', true],
    ['=156', '155.1', false],
    ['156.x', '156.0', true],
    ['>153', '153.7.0esr', false],
    ['<=153', '153.7.0esr', true],
    ['<150 || >=160', '155', false],
    ['<150 || >=160', '161', true],
    ['>= 150', '150', true],
  ];
  for (const [range, version, expected] of cases) {
    expect(versionInRange(version, range), `${version} in ${range}`).toBe(expected);
  }
  expect(versionInRange(null, '>=1')).toBe(false);
  expect(versionInRange('nightly', '>=1')).toBe(false);
});

test('bad ranges say which part is wrong', () => {
  expect(() => parseVersionRange('>=150 <abc')).toThrow(
    'version range ">=150 <abc": "<abc" is not a comparator on a major version',
  );
  expect(() => parseVersionRange('150 ||')).toThrow(/empty alternative/);
  expect(() => checkVersionsField('x', 150, 'chromium.json')).toThrow(
    'chromium.json: entry "x": versions must be a string',
  );
  expect(() => checkVersionsField('x', '~150', 'chromium.json')).toThrow(
    /entry "x": version range/,
  );
  expect(() => checkVersionsField('x', undefined, 'f')).not.toThrow();
});

test('entries with a range apply only to matching builds; others always', () => {
  const map = {
    always: { reason: 'r', evidence: 'e' },
    old: { reason: 'r', evidence: 'e', versions: '<157' },
    new: { reason: 'r', evidence: 'e', versions: '>=157' },
  } as ExpectationMap;
  expect(Object.keys(expectationsForVersion(map, '156.0.8078.108'))).toEqual(['always', 'old']);
  expect(Object.keys(expectationsForVersion(map, '157.0.1'))).toEqual(['always', 'new']);
  expect(Object.keys(expectationsForVersion(map, null))).toEqual(['always']);
});

test('loadExpectations applies the range for the run build and rejects a bad one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cc-exp-versions-'));
  try {
    await writeFile(
      join(dir, 'chromium.json'),
      JSON.stringify({
        'a/old': { reason: 'r', evidence: 'https://e', versions: '>=150 <157' },
        'a/any': { reason: 'r', evidence: 'https://e' },
      }),
    );
    expect(Object.keys(await loadExpectations(dir, 'chromium', '156.0.8078.108'))).toEqual([
      'a/old',
      'a/any',
    ]);
    expect(Object.keys(await loadExpectations(dir, 'chromium', '157.0.1'))).toEqual(['a/any']);
    // Without a version (callers that do not know the build) every entry is loaded.
    expect(Object.keys(await loadExpectations(dir, 'chromium'))).toHaveLength(2);
    await writeFile(
      join(dir, 'firefox.json'),
      JSON.stringify({ 'b/x': { reason: 'r', evidence: 'e', versions: 'latest' } }),
    );
    await expect(loadExpectations(dir, 'firefox', '153.7.0esr')).rejects.toThrow(
      /firefox\.json: entry "b\/x": version range "latest"/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
