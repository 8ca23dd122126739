import { test, expect } from '@playwright/test';
import {
  isSameOrigin,
  isSameSite,
  originOfURL,
  parseSerializedOrigin,
  requestRedirectTaint,
  serializeAnOrigin,
  serializingARequestOrigin,
  type Origin,
} from './origin.js';

const serializations: [string, string][] = [
  ['http://example.com:80/x?y#z', 'http://example.com'],
  ['https://example.com:443/', 'https://example.com'],
  ['http://example.com:443/', 'http://example.com:443'],
  ['https://example.com:80/', 'https://example.com:80'],
  ['http://example.com:4001/p', 'http://example.com:4001'],
  ['HTTP://A.EXAMPLE/', 'http://a.example'],
  ['http://[::1]:8080/', 'http://[::1]:8080'],
  ['http://[0:0:0:0:0:0:0:1]/', 'http://[::1]'],
  ['http://[2001:DB8::A]/', 'http://[2001:db8::a]'],
  ['http://127.0.0.1:4001/', 'http://127.0.0.1:4001'],
  ['http://0x7f.1/', 'http://127.0.0.1'],
  ['http://b\u00fccher.example/', 'http://xn--bcher-kva.example'],
  ['ws://example.com:80/', 'ws://example.com'],
  ['blob:https://example.com/uuid', 'https://example.com'],
];
for (const [url, serialized] of serializations) {
  test(`origin of ${url} serializes to ${serialized}`, () => {
    expect(serializeAnOrigin(originOfURL(url))).toBe(serialized);
  });
}

test('data:, about: and file: URLs have opaque origins serialized as null', () => {
  for (const url of ['data:text/html,hi', 'about:blank', 'file:///tmp/x', 'blob:null/uuid'])
    expect(serializeAnOrigin(originOfURL(url)), url).toBe('null');
});

test('originOfURL throws one line for a non-URL', () => {
  expect(() => originOfURL('not a url')).toThrow(/not an absolute URL/);
});

test('parseSerializedOrigin round-trips origins and refuses paths', () => {
  for (const s of ['http://example.com:4001', 'https://example.net', 'http://[::1]:1'])
    expect(serializeAnOrigin(parseSerializedOrigin(s))).toBe(s);
  expect(parseSerializedOrigin('null')).toEqual({ kind: 'opaque' });
  for (const s of [
    'http://example.com/',
    'http://example.com/x',
    'http://example.com?q',
    'data:,x',
  ])
    expect(() => parseSerializedOrigin(s), s).toThrow();
});

test('same origin needs equal scheme, host and port; opaque matches nothing', () => {
  const o = (u: string): Origin => originOfURL(u);
  expect(isSameOrigin(o('http://example.com:80/'), o('http://example.com/x'))).toBe(true);
  expect(isSameOrigin(o('http://example.com/'), o('https://example.com/'))).toBe(false);
  expect(isSameOrigin(o('http://example.com:1/'), o('http://example.com:2/'))).toBe(false);
  expect(isSameOrigin(o('http://example.com/'), o('http://sub.example.com/'))).toBe(false);
  const opaque: Origin = { kind: 'opaque' };
  expect(isSameOrigin(opaque, opaque)).toBe(false);
});

const sites: [string, string, boolean][] = [
  ['http://example.com:1', 'http://sub.example.com:2', true],
  ['http://x.a.test', 'http://y.a.test', true],
  ['http://example.com', 'http://example.net', false],
  ['http://example.com', 'https://example.com', false],
  ['http://localhost:1', 'http://localhost:2', true],
  ['http://localhost', 'http://a.localhost', false],
  ['http://127.0.0.1', 'http://127.0.0.2', false],
  ['http://127.0.0.1:1', 'http://127.0.0.1:2', true],
  ['http://[::1]', 'http://[::1]:8', true],
];
for (const [a, b, same] of sites) {
  test(`${a} and ${b} are ${same ? '' : 'not '}same site (two-label rule)`, () => {
    expect(isSameSite(originOfURL(a), originOfURL(b))).toBe(same);
    expect(isSameSite(originOfURL(b), originOfURL(a))).toBe(same);
  });
}

// Redirect-taint examples: request origin O; X and Y other sites.
const O = 'http://o.test/';
const X = 'http://x.test/';
const Y = 'http://y.test/';
const taints: [string, string[], 'same-origin' | 'same-site' | 'cross-site'][] = [
  ['O→X', [O, X], 'same-origin'],
  ['X→Y', [X, Y], 'cross-site'],
  ['X→O', [X, O], 'cross-site'],
  ['X→X', [X, `${X}2`], 'same-origin'],
  ['O→O→X', [O, `${O}2`, X], 'same-origin'],
  ['O→X→O', [O, X, O], 'cross-site'],
  ['X→Y→X (taint never clears)', [X, Y, X], 'cross-site'],
  ['X→sub.x (same site)', [X, 'http://sub.x.test/'], 'same-site'],
  ['single URL', [X], 'same-origin'],
];
for (const [name, urls, taint] of taints) {
  test(`redirect-taint ${name} is ${taint}`, () => {
    const requestOrigin = originOfURL(O);
    expect(requestRedirectTaint(requestOrigin, urls)).toBe(taint);
    expect(serializingARequestOrigin(requestOrigin, urls)).toBe(
      taint === 'same-origin' ? 'http://o.test' : 'null',
    );
  });
}

test('an opaque request origin serializes to null even untainted', () => {
  expect(serializingARequestOrigin({ kind: 'opaque' }, [X])).toBe('null');
});
