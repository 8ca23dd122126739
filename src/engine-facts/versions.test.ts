import { test, expect } from '@playwright/test';
import { majorVersion, parseVersionRange, versionInRange } from './versions.js';

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
  expect(() => parseVersionRange('~150')).toThrow(/"~150" is not a comparator/);
});
