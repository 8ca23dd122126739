import { expect, test } from '@playwright/test';
import {
  cookieIsSent,
  EMPTY_COOKIE_JAR,
  parseCookieAttributes,
  storeCookie,
  storeSetCookieHeaders,
} from './cookies.js';
import { parseSerializedOrigin } from './origin.js';
import { predict } from './predict.js';
import { CHROMIUM, FIREFOX, SPEC, WEBKIT } from '../engine-facts/index.js';

const TOP = parseSerializedOrigin('http://example.com:4001');
const store = (attrs: string, url: string, profile = SPEC, top: typeof TOP | null = null) =>
  storeCookie(EMPTY_COOKIE_JAR, { name: 'c', attributes: attrs }, url, top, profile);
const sent = (attrs: string, setOn: string, url: string, profile = SPEC): boolean => {
  const jar = store(attrs, setOn, profile);
  return jar.some((c) => cookieIsSent(c, url, TOP, profile));
};

test('cookies: attributes are read case-insensitively; an unknown SameSite is ignored', () => {
  expect(parseCookieAttributes('Path=/; secure; SAMESITE=lax')).toEqual({
    secure: true,
    sameSite: 'lax',
  });
  expect(parseCookieAttributes('SameSite=Bogus').sameSite).toBe('unset');
});

test('cookies: host-only, ports ignored, Secure only over https, never set over http', () => {
  expect(sent('Path=/', 'http://example.com:4001/', 'http://example.com:4002/x')).toBe(true);
  expect(sent('Path=/', 'http://example.com:4001/', 'http://sub.example.com:4001/x')).toBe(false);
  expect(sent('Secure', 'https://example.net:4443/', 'http://example.net:4001/x')).toBe(false);
  expect(sent('Secure', 'https://example.net:4443/', 'https://example.net:4443/x')).toBe(true);
  expect(store('Secure', 'http://sub.example.com:4001/')).toEqual([]);
});

test('cookies: Strict and Lax stay on same-site requests (schemeful); None goes cross-site', () => {
  expect(
    sent('SameSite=Strict', 'http://sub.example.com:4001/', 'http://sub.example.com:4001/x'),
  ).toBe(true);
  expect(sent('SameSite=Lax', 'http://example.net:4001/', 'http://example.net:4001/x')).toBe(false);
  expect(sent('SameSite=None', 'http://example.net:4001/', 'http://example.net:4001/x')).toBe(true);
  // https://sub.example.com is not same-site with http://example.com (schemeful same-site).
  expect(
    sent('SameSite=Lax; Secure', 'https://sub.example.com/', 'https://sub.example.com/x'),
  ).toBe(false);
});

test('cookies: engine knobs: Lax by default, None needs Secure, third-party policy', () => {
  // Chromium: unattributed cookies are Lax; third-party cookies blocked.
  expect(sent('Path=/', 'http://example.net:4001/', 'http://example.net:4001/x', CHROMIUM)).toBe(
    false,
  );
  expect(
    sent('Path=/', 'http://sub.example.com:4001/', 'http://sub.example.com:4001/x', CHROMIUM),
  ).toBe(true);
  expect(store('SameSite=None', 'http://sub.example.com:4001/', CHROMIUM)).toEqual([]);
  const none = 'SameSite=None; Secure';
  expect(sent(none, 'https://example.net/', 'https://example.net/x', CHROMIUM)).toBe(false);
  // Firefox: first-party cookies are not sent cross-site; partitioned ones are.
  expect(sent(none, 'https://example.net/', 'https://example.net/x', FIREFOX)).toBe(false);
  const partitioned = store(none, 'https://example.net/', FIREFOX, TOP);
  expect(partitioned).toHaveLength(1);
  expect(partitioned[0]?.partition).toBe('http://example.com');
  expect(cookieIsSent(partitioned[0]!, 'https://example.net/y', TOP, FIREFOX)).toBe(true);
  // WebKit keeps the spec's values for these three knobs.
  expect(sent('Path=/', 'http://example.net:4001/', 'http://example.net:4001/x', WEBKIT)).toBe(
    true,
  );
});

test('cookies: a cross-site response cannot set a cookie enforced as Lax; Set-Cookie lines', () => {
  expect(store('Path=/', 'http://example.net:4001/', CHROMIUM, TOP)).toEqual([]);
  expect(store('Path=/', 'http://example.net:4001/', SPEC, TOP)).toHaveLength(1);
  const jar = storeSetCookieHeaders(
    EMPTY_COOKIE_JAR,
    [
      ['Set-Cookie', 'a=1; Path=/'],
      ['set-cookie', 'b=2'],
      ['Set-Cookie', 'malformed'],
      ['X-Other', 'c=3'],
    ],
    'http://sub.example.com:4001/x',
    TOP,
    SPEC,
  );
  expect(jar.map((c) => c.name)).toEqual(['a', 'b']);
});

test('cookies: a knob that changes whether the cookie goes out is named as the deviation', () => {
  const scenario = {
    request: { credentials: 'include' as const, target: 'cross-origin' as const },
    setup: { cookies: [{ on: 'cross-origin' as const, name: 'c', value: '1' }] },
    server: {
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  };
  const knobs = (profile = SPEC) =>
    predict(scenario, { engine: profile }).because.flatMap((r) =>
      r.deviation === undefined ? [] : [r.deviation],
    );
  expect(knobs(SPEC)).toEqual([]);
  expect(knobs(CHROMIUM)).toContain('thirdPartyCookies');
  expect(knobs(FIREFOX)).toContain('thirdPartyCookies');
  expect(knobs(WEBKIT)).toEqual([]);
});
