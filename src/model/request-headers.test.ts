import { test, expect } from '@playwright/test';
import fc from 'fast-check';
import type { HeaderList } from '../scenario/types.js';
import type { EngineKnobs, EngineProfile } from './engine-profile.js';
import {
  FORBIDDEN_REQUEST_HEADER_NAMES,
  getCORSUnsafeRequestHeaderNames,
  isCORSNonWildcardRequestHeaderName,
  isCORSSafelistedRequestHeader,
  isCORSUnsafeRequestHeaderByte,
  isForbiddenRequestHeader,
  isNoCORSSafelistedRequestHeader,
  isNoCORSSafelistedRequestHeaderName,
  isPrivilegedNoCORSRequestHeaderName,
  isRequestBodyHeaderName,
} from './request-headers.js';
import { SPEC } from './spec-profile.js';
import { sortAndCombine } from './header-list.js';

/** The spec profile with some knobs changed, so these tests do not depend on engine facts. */
function profile(knobs: Partial<EngineKnobs> = {}): EngineProfile {
  return { ...SPEC, ...knobs };
}

// The 21 forbidden names, in the spec's casing and in lowercase/uppercase.
const FORBIDDEN_21 = [
  'Accept-Charset',
  'Accept-Encoding',
  'Access-Control-Request-Headers',
  'Access-Control-Request-Method',
  'Connection',
  'Content-Length',
  'Cookie',
  'Cookie2',
  'Date',
  'DNT',
  'Expect',
  'Host',
  'Keep-Alive',
  'Origin',
  'Referer',
  'Set-Cookie',
  'TE',
  'Trailer',
  'Transfer-Encoding',
  'Upgrade',
  'Via',
];
test('there are exactly 21 forbidden request-header names', () => {
  expect(FORBIDDEN_21).toHaveLength(21);
  expect(FORBIDDEN_REQUEST_HEADER_NAMES).toHaveLength(21);
});
for (const name of FORBIDDEN_21) {
  test(`${name} is a forbidden request-header in any case`, () => {
    expect(isForbiddenRequestHeader(name, 'x')).toBe(true);
    expect(isForbiddenRequestHeader(name.toLowerCase(), '')).toBe(true);
    expect(isForbiddenRequestHeader(name.toUpperCase(), 'x')).toBe(true);
  });
}

test('proxy- and sec- prefixes are forbidden, look-alikes are not', () => {
  for (const n of [
    'Proxy-Authorization',
    'proxy-',
    'PROXY-X',
    'Sec-Fetch-Mode',
    'sec-',
    'SEC-CH-UA',
  ])
    expect(isForbiddenRequestHeader(n, 'v'), n).toBe(true);
  for (const n of ['Proxy', 'proxyx', 'X-Proxy-A', 'Sec', 'secret', 'X-Sec-A', 'Cookie3', 'Hosts'])
    expect(isForbiddenRequestHeader(n, 'v'), n).toBe(false);
});

// Worked values, for each of the three method-override names.
const overrideValues: [string, boolean][] = [
  ['TRACE', true],
  ['get, connect', true],
  [' \ttrack ', true],
  ['GET, POST, PATCH', false],
  ['"TRACE"', false],
  ['"a",TRACE', true],
  ['TRACEX', false],
];
for (const name of ['X-HTTP-Method', 'X-HTTP-Method-Override', 'X-Method-Override']) {
  for (const [value, forbidden] of overrideValues) {
    test(`${name}: ${JSON.stringify(value)} is ${forbidden ? 'forbidden' : 'allowed'}`, () => {
      expect(isForbiddenRequestHeader(name, value)).toBe(forbidden);
      expect(isForbiddenRequestHeader(name.toLowerCase(), value)).toBe(forbidden);
    });
  }
}

test('a forbidden method in another header is not forbidden', () => {
  expect(isForbiddenRequestHeader('X-Method', 'TRACE')).toBe(false);
});

test('User-Agent is allowed by the spec, forbidden with userAgentIsForbidden', () => {
  expect(isForbiddenRequestHeader('User-Agent', 'OK')).toBe(false);
  expect(isForbiddenRequestHeader('User-Agent', 'OK', profile())).toBe(false);
  expect(
    isForbiddenRequestHeader('user-agent', 'OK', profile({ userAgentIsForbidden: true })),
  ).toBe(true);
});

// Every byte 0x00-0xFF.
const UNSAFE_PRINTABLE = [
  0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f,
];
test('CORS-unsafe request-header bytes: every byte 0x00-0xFF classified', () => {
  const unsafe: number[] = [];
  for (let b = 0; b <= 0xff; b++) if (isCORSUnsafeRequestHeaderByte(b)) unsafe.push(b);
  const expected = [
    ...Array.from({ length: 0x20 }, (_, i) => i).filter((b) => b !== 0x09),
    ...UNSAFE_PRINTABLE,
  ];
  expect(unsafe).toEqual(expected);
  expect(unsafe).toHaveLength(31 + 14);
});
test('HT, SP, , / ; = letters digits and bytes >= 0x80 are not CORS-unsafe', () => {
  for (const b of [0x09, 0x20, 0x2c, 0x2f, 0x3b, 0x3d, 0x41, 0x7a, 0x30, 0x80, 0xff])
    expect(isCORSUnsafeRequestHeaderByte(b), b.toString(16)).toBe(false);
});

// Safelisted names and values.
test('length rule: 128 bytes pass, 129 fail, for every safelisted name', () => {
  const v = (n: number) => 'a'.repeat(n);
  for (const name of ['Accept', 'Accept-Language', 'Content-Language']) {
    expect(isCORSSafelistedRequestHeader(name, v(127)), name).toBe(true);
    expect(isCORSSafelistedRequestHeader(name, v(128)), name).toBe(true);
    expect(isCORSSafelistedRequestHeader(name, v(129)), name).toBe(false);
  }
  const ct = (n: number) => `text/plain;a=${'b'.repeat(n - 13)}`;
  expect(ct(128)).toHaveLength(128);
  expect(isCORSSafelistedRequestHeader('Content-Type', ct(127))).toBe(true);
  expect(isCORSSafelistedRequestHeader('Content-Type', ct(128))).toBe(true);
  expect(isCORSSafelistedRequestHeader('Content-Type', ct(129))).toBe(false);
  const range = (n: number) => `bytes=${'0'.repeat(n - 7)}-`;
  expect(isCORSSafelistedRequestHeader('Range', range(128))).toBe(true);
  expect(isCORSSafelistedRequestHeader('Range', range(129))).toBe(false);
});

test('accept: any value without a CORS-unsafe byte', () => {
  expect(isCORSSafelistedRequestHeader('ACCEPT', '*/*')).toBe(true);
  expect(
    isCORSSafelistedRequestHeader('accept', 'text/html, application/json;q=0.9, caf\u00e9'),
  ).toBe(true);
  for (const v of ['a"b', 'a(b', 'a:b', 'a@b', 'a{b', 'a\u007f', 'a\u0001'])
    expect(isCORSSafelistedRequestHeader('Accept', v), v).toBe(false);
});

test('accept-language / content-language: only 0-9 A-Z a-z SP * , - . ; =', () => {
  for (const name of ['Accept-Language', 'content-language']) {
    for (const v of ['en-US,en;q=0.9', '*', 'de DE.x', ''])
      expect(isCORSSafelistedRequestHeader(name, v), `${name} ${v}`).toBe(true);
    for (const v of ['en\tUS', 'en_US', 'en/US', 'caf\u00e9', 'a:b', 'a"b'])
      expect(isCORSSafelistedRequestHeader(name, v), `${name} ${JSON.stringify(v)}`).toBe(false);
  }
});

const contentTypes: [string, boolean][] = [
  ['TEXT/Plain;charset=x', true],
  ['text/plain ;x', true],
  ['text /plain', false],
  ['text/plain, application/json', false],
  ['text/plain; charset="utf-8"', false],
  ['', false],
  ['multipart/form-data', true],
  ['application/x-www-form-urlencoded', true],
  ['text/plain;charset=UTF-8', true],
  ['application/json', false],
  ['text/html', false],
  ['application/csp-report', false],
];
for (const [value, safe] of contentTypes) {
  test(`Content-Type ${JSON.stringify(value)} is ${safe ? 'safelisted' : 'not safelisted'}`, () => {
    expect(isCORSSafelistedRequestHeader('Content-Type', value)).toBe(safe);
  });
}

const ranges: [string, boolean][] = [
  ['bytes=0-', true],
  ['bytes=10-20', true],
  ['bytes=-500', false],
  ['bytes=5-1', false],
  ['bytes= 0-1', false],
  ['bytes=0-1,2-3', false],
  ['Bytes=0-', false],
];
for (const [value, safe] of ranges) {
  test(`Range ${JSON.stringify(value)} is ${safe ? 'safelisted' : 'not safelisted'}`, () => {
    expect(isCORSSafelistedRequestHeader('Range', value)).toBe(safe);
  });
}
test('Range unit case-insensitivity is the rangeUnitCaseInsensitive knob', () => {
  expect(isCORSSafelistedRequestHeader('Range', 'Bytes=0-', profile())).toBe(false);
  expect(
    isCORSSafelistedRequestHeader('Range', 'Bytes=0-', profile({ rangeUnitCaseInsensitive: true })),
  ).toBe(true);
});

test('every other name is not safelisted', () => {
  for (const n of [
    'Authorization',
    'Cache-Control',
    'User-Agent',
    'X-Foo',
    'DPR',
    'Save-Data',
    'Width',
    'Content-Encoding',
  ])
    expect(isCORSSafelistedRequestHeader(n, '1'), n).toBe(false);
});

// The extra safelisted names (knob extraSafelistedRequestHeaders).
const extras: [string, string, boolean][] = [
  ['DPR', '2', true],
  ['dpr', '1.5', true],
  ['dpr', '1.', false],
  ['dpr', '.5', false],
  ['device-memory', '8', true],
  ['downlink', '10.25', true],
  ['width', '800', true],
  ['viewport-width', '1.5', false],
  ['rtt', '100', true],
  ['rtt', '', false],
  ['ect', '4g', true],
  ['ect', '5g', false],
  ['save-data', 'on', true],
  ['Save-Data', 'ON', true],
  ['save-data', 'off', false],
  ['intervention', '<https://x>; level="warning"', true],
  ['width', '1'.repeat(129), false],
];
for (const [name, value, safe] of extras) {
  test(`extraSafelistedRequestHeaders: ${name}: ${JSON.stringify(value).slice(0, 20)} is ${safe ? 'safe' : 'unsafe'}`, () => {
    expect(
      isCORSSafelistedRequestHeader(name, value, profile({ extraSafelistedRequestHeaders: true })),
    ).toBe(safe);
    expect(isCORSSafelistedRequestHeader(name, value, profile())).toBe(false);
  });
}

// CORS-unsafe request-header names.
test('unsafe names are lowercased, deduplicated and byte-sorted: - < digits < letters', () => {
  const list: HeaderList = [
    ['X-b', '1'],
    ['x-a', '1'],
    ['X-A', '2'],
    ['x-1', '1'],
    ['X--', '1'],
    ['Authorization', 'x'],
    ['Accept', '*/*'],
    ['Content-Type', 'application/json'],
  ];
  expect(getCORSUnsafeRequestHeaderNames(list)).toEqual([
    'authorization',
    'content-type',
    'x--',
    'x-1',
    'x-a',
    'x-b',
  ]);
});

test('no unsafe names for a list of safelisted headers under the total', () => {
  expect(
    getCORSUnsafeRequestHeaderNames([
      ['Accept', '*/*'],
      ['Content-Language', 'en'],
    ]),
  ).toEqual([]);
  expect(getCORSUnsafeRequestHeaderNames([])).toEqual([]);
});

const accepts = (n: number, len: number): HeaderList =>
  Array.from({ length: n }, () => ['Accept', 'a'.repeat(len)]);
test('the 1024 total: exactly 1024 bytes stays safe, 1025 makes them all unsafe', () => {
  // 8 x 128 = 1024
  expect(getCORSUnsafeRequestHeaderNames(accepts(8, 128))).toEqual([]);
  // 8 x 128 + 1 = 1025
  const over: HeaderList = [...accepts(8, 128), ['Content-Language', 'e'], ['X-Other', 'y']];
  expect(getCORSUnsafeRequestHeaderNames(over)).toEqual(['accept', 'content-language', 'x-other']);
});
test('the 1024 rule fires only with repeats: one header of each safelisted name stays safe', () => {
  const one: HeaderList = [
    ['Accept', 'a'.repeat(128)],
    ['Accept-Language', 'b'.repeat(128)],
    ['Content-Language', 'c'.repeat(128)],
    ['Content-Type', `text/plain;x=${'d'.repeat(115)}`],
    ['Range', `bytes=${'0'.repeat(121)}-`],
  ];
  expect(getCORSUnsafeRequestHeaderNames(one)).toEqual([]);
});
test('unsafe headers do not count towards the 1024 total', () => {
  const list: HeaderList = [
    ...accepts(7, 128),
    ['X-Big', 'z'.repeat(2000)],
    ['Accept', 'a'.repeat(128)],
  ];
  expect(getCORSUnsafeRequestHeaderNames(list)).toEqual(['x-big']);
});
test('sortAndCombine: a Headers object iterates one lowercase pair per name, sorted', () => {
  const twice: HeaderList = [
    ['Accept', `text/${'a'.repeat(95)}`],
    ['X-B', '1'],
    ['accept', `text/${'b'.repeat(95)}`],
  ];
  const combined = sortAndCombine(twice);
  expect(combined).toEqual([
    ['accept', `text/${'a'.repeat(95)}, text/${'b'.repeat(95)}`],
    ['x-b', '1'],
  ]);
  // Each entry is safelisted; the combined value (202 bytes) is not.
  expect(getCORSUnsafeRequestHeaderNames(twice, profile())).toEqual(['x-b']);
  expect(getCORSUnsafeRequestHeaderNames(combined, profile())).toEqual(['accept', 'x-b']);
});

test('safelistedValueTotalLimit off: the 1024 rule never fires', () => {
  expect(
    getCORSUnsafeRequestHeaderNames(accepts(9, 128), profile({ safelistedValueTotalLimit: false })),
  ).toEqual([]);
  expect(getCORSUnsafeRequestHeaderNames(accepts(9, 128), profile())).toEqual(['accept']);
});

test('no-CORS-safelisted names and headers', () => {
  for (const n of ['Accept', 'accept-language', 'CONTENT-LANGUAGE', 'Content-Type'])
    expect(isNoCORSSafelistedRequestHeaderName(n), n).toBe(true);
  for (const n of ['Range', 'Authorization', 'X-Foo'])
    expect(isNoCORSSafelistedRequestHeaderName(n), n).toBe(false);
  expect(isNoCORSSafelistedRequestHeader('Content-Type', 'text/plain')).toBe(true);
  expect(isNoCORSSafelistedRequestHeader('Content-Type', 'application/json')).toBe(false);
  expect(isNoCORSSafelistedRequestHeader('Range', 'bytes=0-')).toBe(false);
});

test('Range is the only privileged no-CORS name; Authorization the only non-wildcard name', () => {
  expect(isPrivilegedNoCORSRequestHeaderName('RANGE')).toBe(true);
  expect(isPrivilegedNoCORSRequestHeaderName('Accept')).toBe(false);
  expect(isCORSNonWildcardRequestHeaderName('authorization')).toBe(true);
  expect(isCORSNonWildcardRequestHeaderName('Proxy-Authorization')).toBe(false);
});

test('request-body header names', () => {
  for (const n of ['Content-Encoding', 'content-language', 'Content-Location', 'CONTENT-TYPE'])
    expect(isRequestBodyHeaderName(n), n).toBe(true);
  for (const n of ['Content-Length', 'Accept', 'Content-Disposition'])
    expect(isRequestBodyHeaderName(n), n).toBe(false);
});

// Properties
const nameArb = fc.constantFrom(
  'Accept',
  'accept',
  'X-A',
  'x-a',
  'X-b',
  'Content-Type',
  'Range',
  'x-1',
  'X--',
  'Accept-Language',
  'Authorization',
  'DPR',
);
const valueArb = fc.oneof(
  fc.constantFrom('*/*', 'text/plain', 'application/json', 'bytes=0-', 'en', '1.5', 'on'),
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 200,
  }),
);
const listArb = fc.array(fc.tuple(nameArb, valueArb), { maxLength: 20 });
const profileArb = fc.record({
  extraSafelistedRequestHeaders: fc.boolean(),
  safelistedValueTotalLimit: fc.boolean(),
  rangeUnitCaseInsensitive: fc.boolean(),
});

test('property: unsafe names are sorted, lowercase and duplicate-free', () => {
  fc.assert(
    fc.property(listArb, profileArb, (list, knobs) => {
      const out = getCORSUnsafeRequestHeaderNames(list, profile(knobs));
      expect(out).toEqual([...new Set(out)]);
      expect(out).toEqual(out.map((n) => n.toLowerCase()));
      expect(out).toEqual([...out].sort());
    }),
    { seed: 424242, numRuns: 200 },
  );
});

test('property: a header that is CORS-safelisted never appears when alone', () => {
  fc.assert(
    fc.property(nameArb, valueArb, profileArb, (name, value, knobs) => {
      const p = profile(knobs);
      fc.pre(isCORSSafelistedRequestHeader(name, value, p));
      expect(getCORSUnsafeRequestHeaderNames([[name, value]], p)).toEqual([]);
    }),
    { seed: 424243, numRuns: 300 },
  );
});
