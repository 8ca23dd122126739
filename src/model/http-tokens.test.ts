import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import {
  byteCaseInsensitiveMatch,
  byteLowercase,
  isHTTPTabOrSpace,
  isHTTPToken,
  isHTTPWhitespace,
} from './http-tokens.js';

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

/** Byte by byte, as the spec defines it: 0x41-0x5A become 0x61-0x7A, nothing else changes. */
const lowerByBytes = (s: string): string =>
  [...s]
    .map((c) => (c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) + 0x20) : c))
    .join('');

test('byteLowercase folds ASCII letters only, and byte-case-insensitive match agrees with it', () => {
  // Bytes as a header value carries them: any of 0x00-0xFF (the non-ASCII letters stay).
  const bytes = fc.string({
    unit: fc.integer({ min: 0, max: 0xff }).map((b) => String.fromCharCode(b)),
  });
  fc.assert(
    fc.property(bytes, bytes, (a, b) => {
      expect(byteLowercase(a)).toBe(lowerByBytes(a));
      expect(byteCaseInsensitiveMatch(a, b)).toBe(lowerByBytes(a) === lowerByBytes(b));
      expect(byteCaseInsensitiveMatch(a, lowerByBytes(a))).toBe(true);
    }),
  );
  expect(byteLowercase('\u00c0X-Foo')).toBe('\u00c0x-foo');
  expect(byteCaseInsensitiveMatch('\u00e9', '\u00c9')).toBe(false);
});
