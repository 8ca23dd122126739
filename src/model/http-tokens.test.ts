import { test, expect } from '@playwright/test';
import { isHTTPTabOrSpace, isHTTPToken, isHTTPWhitespace } from './http-tokens.js';

test('isHTTPToken accepts non-empty tchar runs', () => {
  for (const s of ['GET', 'x-foo', "!#$%&'*+-.^_`|~", 'a1', '*'])
    expect(isHTTPToken(s), s).toBe(true);
});

test('isHTTPToken rejects empty, separators, whitespace and non-ASCII', () => {
  for (const s of ['', 'a b', 'a;b', '"a"', 'a/b', 'a,b', '(a)', 'a\t', 'caf\u00e9', 'a:b', '{}'])
    expect(isHTTPToken(s), JSON.stringify(s)).toBe(false);
});

test('HTTP tab-or-space is HT and SP only; HTTP whitespace adds LF and CR', () => {
  expect(['\t', ' '].every(isHTTPTabOrSpace)).toBe(true);
  expect(['\n', '\r', '\f', '\v', 'a', ''].some(isHTTPTabOrSpace)).toBe(false);
  expect(['\t', ' ', '\n', '\r'].every(isHTTPWhitespace)).toBe(true);
  expect(['\f', '\v', '\u00a0', 'x'].some(isHTTPWhitespace)).toBe(false);
});
