import { test, expect } from '@playwright/test';
import type { HeaderList } from '../scenario/types.js';
import {
  corsExposedHeaderNameList,
  isCORSSafelistedResponseHeaderName,
  isForbiddenResponseHeaderName,
  readableHeaderNames,
} from './response-headers.js';

const response: HeaderList = [
  ['Content-Type', 'text/plain'],
  ['X-Custom', '1'],
  ['Set-Cookie', 'a=b'],
  ['set-cookie2', 'c=d'],
  ['Access-Control-Allow-Origin', '*'],
  ['X-Custom', '2'],
  ['Cache-Control', 'no-store'],
];
const withACEH = (...v: string[]): HeaderList => [
  ...response,
  ...v.map((x): [string, string] => ['Access-Control-Expose-Headers', x]),
];

test('Set-Cookie and Set-Cookie2 are the forbidden response-header names', () => {
  for (const n of ['Set-Cookie', 'SET-COOKIE2', 'set-cookie'])
    expect(isForbiddenResponseHeaderName(n)).toBe(true);
  for (const n of ['Set-Cookie3', 'Cookie', 'X-Set-Cookie'])
    expect(isForbiddenResponseHeaderName(n)).toBe(false);
});

test('the seven safelisted response-header names, plus exposed ones except Set-Cookie', () => {
  for (const n of [
    'Cache-Control',
    'content-language',
    'Content-Length',
    'CONTENT-TYPE',
    'Expires',
    'Last-Modified',
    'Pragma',
  ])
    expect(isCORSSafelistedResponseHeaderName(n, []), n).toBe(true);
  expect(isCORSSafelistedResponseHeaderName('X-Custom', [])).toBe(false);
  expect(isCORSSafelistedResponseHeaderName('X-Custom', ['x-custom'])).toBe(true);
  expect(isCORSSafelistedResponseHeaderName('x-custom', ['X-CUSTOM'])).toBe(true);
  expect(isCORSSafelistedResponseHeaderName('Set-Cookie', ['set-cookie'])).toBe(false);
  expect(isCORSSafelistedResponseHeaderName('Date', [])).toBe(false);
});

test('ACEH `*` without credentials exposes every header name of the response', () => {
  for (const mode of ['omit', 'same-origin'] as const) {
    const { names } = corsExposedHeaderNameList(withACEH('*'), mode);
    expect(names).toContain('x-custom');
    expect(names).toContain('access-control-allow-origin');
    expect(readableHeaderNames('cors', withACEH('*'), names)).toEqual([
      'access-control-allow-origin',
      'access-control-expose-headers',
      'cache-control',
      'content-type',
      'x-custom',
    ]);
  }
});

test('ACEH `*` with credentials names only a header literally called `*`', () => {
  const { names } = corsExposedHeaderNameList(withACEH('*'), 'include');
  expect(names).toEqual(['*']);
  expect(readableHeaderNames('cors', withACEH('*'), names)).toEqual([
    'cache-control',
    'content-type',
  ]);
});

test('ACEH list: lines concatenate, names match case-insensitively', () => {
  const h = withACEH('X-CUSTOM', 'access-control-allow-origin,,');
  const { names } = corsExposedHeaderNameList(h, 'include');
  expect(names).toEqual(['access-control-allow-origin', 'x-custom']);
  expect(readableHeaderNames('cors', h, names)).toEqual([
    'access-control-allow-origin',
    'cache-control',
    'content-type',
    'x-custom',
  ]);
});

test('ACEH parse failure or absence exposes only the safelisted names', () => {
  for (const h of [withACEH('X-Custom, bad name'), withACEH('X-Custom', '"x"'), response]) {
    const r = corsExposedHeaderNameList(h, 'omit');
    expect(r.names).toEqual([]);
    expect(r.reason).toMatch(/only the CORS-safelisted/);
    expect(readableHeaderNames('cors', h, r.names)).toEqual(['cache-control', 'content-type']);
  }
});

test('Set-Cookie is never readable, whatever ACEH says', () => {
  for (const aceh of ['*', 'Set-Cookie, Set-Cookie2']) {
    for (const mode of ['omit', 'include'] as const) {
      const h = withACEH(aceh);
      const r = readableHeaderNames('cors', h, corsExposedHeaderNameList(h, mode).names);
      expect(r).not.toContain('set-cookie');
      expect(r).not.toContain('set-cookie2');
    }
  }
  expect(readableHeaderNames('basic', response, [])).not.toContain('set-cookie');
});

test('basic shows everything but Set-Cookie; opaque and opaqueredirect show nothing', () => {
  expect(readableHeaderNames('basic', response, [])).toEqual([
    'access-control-allow-origin',
    'cache-control',
    'content-type',
    'x-custom',
  ]);
  expect(readableHeaderNames('opaque', response, ['x-custom'])).toEqual([]);
  expect(readableHeaderNames('opaqueredirect', response, ['x-custom'])).toEqual([]);
  expect(readableHeaderNames('error', response, [])).toEqual([]);
});
