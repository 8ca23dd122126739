import { test, expect } from '@playwright/test';
import { parseASingleRangeHeaderValue } from './range.js';

const ok: [string, number | null, number | null][] = [
  ['bytes=0-', 0, null],
  ['bytes=10-20', 10, 20],
  ['bytes=-500', null, 500],
  ['bytes=5-5', 5, 5],
];
for (const [value, start, end] of ok) {
  test(`simple range ${JSON.stringify(value)} parses to ${start}-${end}`, () => {
    expect(parseASingleRangeHeaderValue(value, false)).toEqual({ start, end });
  });
}

const bad = [
  'bytes=5-1',
  'bytes= 0-1',
  'bytes=0-1,2-3',
  'Bytes=0-',
  'bytes=-',
  'bytes 0-1',
  'bytes=a-',
  'bytes=0-1 ',
  '',
  'bytes',
];
for (const value of bad) {
  test(`simple range ${JSON.stringify(value)} without whitespace is failure`, () => {
    expect(parseASingleRangeHeaderValue(value, false)).toBe('failure');
  });
}

test('whitespace around = and - is allowed only when asked', () => {
  expect(parseASingleRangeHeaderValue('bytes = 0 - 1', true)).toEqual({ start: 0, end: 1 });
  expect(parseASingleRangeHeaderValue('bytes\t=\t0-', true)).toEqual({ start: 0, end: null });
  expect(parseASingleRangeHeaderValue('bytes = 0 - 1', false)).toBe('failure');
});

test('the unit is case-sensitive unless unitCaseInsensitive', () => {
  expect(parseASingleRangeHeaderValue('BYTES=0-', false)).toBe('failure');
  expect(parseASingleRangeHeaderValue('BYTES=0-', false, { unitCaseInsensitive: true })).toEqual({
    start: 0,
    end: null,
  });
});
