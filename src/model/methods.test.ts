import { test, expect } from '@playwright/test';
import { isCORSSafelistedMethod, isForbiddenMethod, isMethod, normalizeMethod } from './methods.js';

test('a method is any HTTP token', () => {
  for (const m of ['GET', 'CHICKEN', 'eGg', 'PATCH', '*', 'M-SEARCH'])
    expect(isMethod(m), m).toBe(true);
  for (const m of ['', 'GET ', 'GE T', 'GET/', '"PUT"', 'a;b']) expect(isMethod(m), m).toBe(false);
});

test('forbidden methods are CONNECT, TRACE, TRACK in any case', () => {
  for (const m of ['CONNECT', 'connect', 'TRACE', 'tRaCe', 'TRACK', 'track'])
    expect(isForbiddenMethod(m), m).toBe(true);
  for (const m of ['TRACEX', 'GET', 'CONNECTS', ' TRACE', '"TRACE"'])
    expect(isForbiddenMethod(m), m).toBe(false);
});

test('normalize uppercases only DELETE GET HEAD OPTIONS POST PUT', () => {
  const rows: [string, string][] = [
    ['get', 'GET'],
    ['Delete', 'DELETE'],
    ['head', 'HEAD'],
    ['options', 'OPTIONS'],
    ['pOsT', 'POST'],
    ['put', 'PUT'],
    ['pAtCh', 'pAtCh'],
    ['patch', 'patch'],
    ['connect', 'connect'],
    ['CHICKEN', 'CHICKEN'],
  ];
  for (const [input, out] of rows) expect(normalizeMethod(input), input).toBe(out);
});

test('CORS-safelisted methods are exactly GET HEAD POST, case-sensitive', () => {
  for (const m of ['GET', 'HEAD', 'POST']) expect(isCORSSafelistedMethod(m)).toBe(true);
  for (const m of ['get', 'Post', 'PUT', 'PATCH', 'OPTIONS', 'DELETE', '*'])
    expect(isCORSSafelistedMethod(m), m).toBe(false);
});
