import { test, expect } from '@playwright/test';
import type { HeaderList } from '../scenario/types.js';
import {
  extractHeaderListValues,
  getDecodeSplitValue,
  headerListAppend,
  headerListCombine,
  headerListContains,
  headerListDelete,
  headerListFromWire,
  headerListGet,
  headerListGetDecodeSplit,
  headerListSet,
  headerValueNormalize,
  isHeaderName,
  isHeaderValue,
} from './header-list.js';

const list: HeaderList = [
  ['Accept', 'a'],
  ['X-Foo', '1'],
  ['accept', 'b'],
  ['Empty', ''],
];

test('get joins every matching value with ", " case-insensitively', () => {
  expect(headerListGet(list, 'ACCEPT')).toBe('a, b');
  expect(headerListGet(list, 'x-foo')).toBe('1');
});

test('get distinguishes an absent header (null) from an empty value', () => {
  expect(headerListGet(list, 'missing')).toBeNull();
  expect(headerListGet(list, 'empty')).toBe('');
  expect(headerListContains(list, 'EMPTY')).toBe(true);
  expect(headerListContains(list, 'nope')).toBe(false);
});

const splits: [string, string[]][] = [
  ['"1,2", 3', ['"1,2"', '3']],
  ['a,b', ['a', 'b']],
  [' a , \tb\t', ['a', 'b']],
  ['a,,b,', ['a', '', 'b', '']],
  ['', ['']],
  ['"a\\"b,c"x, y', ['"a\\"b,c"x', 'y']],
  ['"unterminated, still', ['"unterminated, still']],
  ['text/html;"", text/plain', ['text/html;""', 'text/plain']],
];
for (const [value, out] of splits) {
  test(`get-decode-split ${JSON.stringify(value)} keeps quotes and empties`, () => {
    expect(getDecodeSplitValue(value)).toEqual(out);
  });
}

test('header-list get-decode-split: null when absent, split of the combined value otherwise', () => {
  expect(headerListGetDecodeSplit(list, 'nope')).toBeNull();
  expect(headerListGetDecodeSplit(list, 'accept')).toEqual(['a', 'b']);
});

// Extract header list values for #method / #field-name
const extractRows: { lines: string[]; out: string[] | null | 'failure' }[] = [
  { lines: [], out: null },
  { lines: ['GET, PUT'], out: ['GET', 'PUT'] },
  { lines: ['PUT', 'PATCH, DELETE'], out: ['PUT', 'PATCH', 'DELETE'] },
  { lines: ['a,,b'], out: ['a', 'b'] },
  { lines: ['a,'], out: ['a'] },
  { lines: [',a, ,b,'], out: ['a', 'b'] },
  { lines: [''], out: [] },
  { lines: ['*'], out: ['*'] },
  { lines: ['X Foo'], out: 'failure' },
  { lines: ['a;b'], out: 'failure' },
  { lines: ['"PUT"'], out: 'failure' },
  { lines: ['GET/'], out: 'failure' },
  { lines: ['PUT', 'X Foo'], out: 'failure' },
  { lines: ['PUT, a b, DELETE'], out: 'failure' },
];
for (const { lines, out } of extractRows) {
  test(`extract header list values of ${JSON.stringify(lines)} is ${JSON.stringify(out)}`, () => {
    const l: HeaderList = lines.map((v) => ['Access-Control-Allow-Methods', v]);
    expect(extractHeaderListValues(l, 'access-control-allow-methods')).toEqual(out);
  });
}

test('extract header list values: Access-Control-Max-Age is one delta-seconds header', () => {
  const l = (...vs: string[]): HeaderList => vs.map((v) => ['Access-Control-Max-Age', v]);
  expect(extractHeaderListValues(l('600'), 'Access-Control-Max-Age')).toEqual(['600']);
  expect(extractHeaderListValues(l('5', '5'), 'Access-Control-Max-Age')).toBe('failure');
  for (const v of ['-1', '+5', '5s', '1.5', '', '5, 6'])
    expect(extractHeaderListValues(l(v), 'Access-Control-Max-Age'), v).toBe('failure');
});

test('normalize strips leading/trailing HT LF CR SP only', () => {
  expect(headerValueNormalize(' \t\r\n a b \n\r\t ')).toBe('a b');
  expect(headerValueNormalize('\fx\v')).toBe('\fx\v');
});

test('header names are tokens; header values have no NUL/CR/LF nor outer tab/space', () => {
  expect(isHeaderName('X-Foo')).toBe(true);
  expect(isHeaderName('X Foo')).toBe(false);
  expect(isHeaderName('')).toBe(false);
  for (const v of ['', 'a b', 'a\tb', '\u00ff', '"x"'])
    expect(isHeaderValue(v), JSON.stringify(v)).toBe(true);
  for (const v of [' a', 'a ', '\ta', 'a\0b', 'a\nb', 'a\rb', '\u0100'])
    expect(isHeaderValue(v), JSON.stringify(v)).toBe(false);
});

test('append reuses the first casing and never mutates the input', () => {
  const before = JSON.stringify(list);
  expect(headerListAppend(list, 'ACCEPT', 'c').at(-1)).toEqual(['Accept', 'c']);
  expect(headerListAppend(list, 'New', 'v').at(-1)).toEqual(['New', 'v']);
  expect(JSON.stringify(list)).toBe(before);
});

test('set replaces the first and removes the rest; delete removes all; combine joins with ", "', () => {
  expect(headerListSet(list, 'accept', 'z')).toEqual([
    ['Accept', 'z'],
    ['X-Foo', '1'],
    ['Empty', ''],
  ]);
  expect(headerListSet([], 'A', '1')).toEqual([['A', '1']]);
  expect(headerListDelete(list, 'ACCEPT')).toEqual([
    ['X-Foo', '1'],
    ['Empty', ''],
  ]);
  expect(headerListCombine(list, 'accept', 'c')[0]).toEqual(['Accept', 'a, c']);
  expect(headerListCombine([], 'A', '1')).toEqual([['A', '1']]);
});

test('headerListFromWire trims the tabs and spaces HTTP parsing removes', () => {
  expect(headerListFromWire([['A', ' \tx y\t ']])).toEqual([['A', 'x y']]);
});
