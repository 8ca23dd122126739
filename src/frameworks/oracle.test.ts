// The oracle's pure half: the policy's intent, and the checks on exposure, max-age and Vary.
import { expect, test } from '@playwright/test';
import {
  corsAnswer,
  denialReasons,
  exposureFindings,
  maxAgeFinding,
  requestVaryFinding,
  varyFindings,
} from './oracle.js';
import type { FrameworkPolicy } from './vocabulary.js';
import { fromCorsPolicy, intendsCredentials, intendsMethod, intendsOrigin } from './vocabulary.js';

const list: FrameworkPolicy = {
  origins: { kind: 'list', entries: ['https://*.example.org'] },
  methods: ['PUT'],
  requestHeaders: ['X-Token'],
  exposedHeaders: ['X-Total'],
  credentials: true,
  maxAge: 0,
};
const any: FrameworkPolicy = { ...list, origins: { kind: 'any' } };

test('intent: origins, credentials never through *, safelisted methods always, case-sensitive others', () => {
  expect(intendsOrigin(list, 'https://a.example.org')).toBe(true);
  expect(intendsOrigin(list, 'https://example.org')).toBe(false);
  expect(intendsOrigin(list, 'null')).toBe(false);
  expect(intendsOrigin(any, 'null')).toBe(true);
  expect(intendsCredentials(list)).toBe(true);
  expect(intendsCredentials(any)).toBe(false);
  expect(intendsMethod(list, 'GET')).toBe(true);
  expect(intendsMethod(list, 'PUT')).toBe(true);
  expect(intendsMethod(list, 'patch')).toBe(false);
  const r = {
    origin: 'https://a.example.org',
    jsMethod: 'GET',
    method: 'GET',
    headers: [['Content-Type', 'application/json']] as [string, string][],
    credentials: true,
  };
  expect(denialReasons(list, r)).toEqual([
    'request headers content-type are not all in the policy',
  ]);
  expect(denialReasons(any, { ...r, headers: [['X-Token', '1']] })).toEqual([
    'credentials are never granted through *',
  ]);
  expect(fromCorsPolicy({ origins: ['https://app.example.com'] })).toEqual({
    origins: { kind: 'list', entries: ['https://app.example.com'] },
    methods: ['GET', 'HEAD', 'POST'],
    requestHeaders: [],
    exposedHeaders: [],
    credentials: false,
  });
});

test('exposure: only the route headers present, against the policy', () => {
  const actual: [string, string][] = [
    ['X-Total', '7'],
    ['X-Request-Id', 'r'],
  ];
  expect(exposureFindings(list, 0, actual, ['x-total'])).toEqual([]);
  expect(exposureFindings(list, 0, actual, ['x-total', 'x-request-id'])).toMatchObject([
    { kind: 'exposes-too-much', header: 'X-Request-Id' },
  ]);
  expect(exposureFindings(list, 1, actual, [])).toMatchObject([
    { kind: 'exposes-too-little', probe: 1, header: 'X-Total' },
  ]);
});

test('max-age: the effective cache time against the policy (absent means 5 s)', () => {
  expect(maxAgeFinding(list, 0, [['Access-Control-Max-Age', '0']])).toBeNull();
  expect(maxAgeFinding(list, 0, [])?.detail).toMatch(/cached 5 s .* the policy says 0 s/);
  expect(maxAgeFinding({ ...list, maxAge: 5 }, 0, [])).toBeNull();
  const { maxAge: _unset, ...noMaxAge } = any;
  expect(maxAgeFinding(noMaxAge, 0, [])).toBeNull();
});

test('Vary must name a request header the CORS answer changes with', () => {
  const allowed: [string, string][] = [['Access-Control-Allow-Origin', 'https://a.example.org']];
  const none: [string, string][] = [];
  const variants = [{ header: 'Origin', change: 'no Origin', headers: none }];
  expect(varyFindings(0, allowed, variants, [{ label: 'to a', headers: allowed }])).toMatchObject([
    { kind: 'vary-missing' },
  ]);
  const varied: [string, string][] = [...allowed, ['Vary', 'Accept-Encoding, origin']];
  expect(varyFindings(0, varied, variants, [{ label: 'to a', headers: varied }])).toEqual([]);
  // The same answer either way: nothing to name.
  expect(varyFindings(0, none, variants, [{ label: 'to a', headers: none }])).toEqual([]);
  expect(corsAnswer([['access-control-allow-methods', 'PUT, GET']])).toBe(
    'access-control-allow-methods: GET,PUT',
  );
});

test("a request's own Vary: copied into the answer always counts, other changes only when stable", () => {
  const plain: [string, string][] = [['Vary', 'Origin']];
  expect(requestVaryFinding(0, 'X-A', plain, [['Vary', 'X-A']], false)?.kind).toBe(
    'vary-from-request',
  );
  const other: [string, string][] = [
    ['Vary', 'Origin'],
    ['Access-Control-Allow-Origin', '*'],
  ];
  expect(requestVaryFinding(0, 'X-A', plain, other, false)).toBeNull();
  expect(requestVaryFinding(0, 'X-A', plain, other, true)?.kind).toBe('vary-from-request');
  expect(requestVaryFinding(0, 'X-A', plain, plain, true)).toBeNull();
});
