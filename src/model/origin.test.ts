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
  ['http://a.test:80/x?y#z', 'http://a.test'],
  ['https://a.test:443/', 'https://a.test'],
  ['http://a.test:443/', 'http://a.test:443'],
  ['https://a.test:80/', 'https://a.test:80'],
  ['http://a.test:4001/p', 'http://a.test:4001'],
  ['HTTP://A.EXAMPLE/', 'http://a.example'],
  ['http://[::1]:8080/', 'http://[::1]:8080'],
  ['http://[0:0:0:0:0:0:0:1]/', 'http://[::1]'],
  ['http://[2001:DB8::A]/', 'http://[2001:db8::a]'],
  ['http://127.0.0.1:4001/', 'http://127.0.0.1:4001'],
  ['http://0x7f.1/', 'http://127.0.0.1'],
  ['http://b\u00fccher.example/', 'http://xn--bcher-kva.example'],
  ['ws://a.test:80/', 'ws://a.test'],
  ['blob:https://a.test/uuid', 'https://a.test'],
];
for (const [url, serialized] of serializations) {
  test(`origin of ${url} serializes to ${serialized} (O1)`, () => {
    expect(serializeAnOrigin(originOfURL(url))).toBe(serialized);
  });
}

test('data:, about: and file: URLs have opaque origins serialized as null (O1, O3)', () => {
  for (const url of ['data:text/html,hi', 'about:blank', 'file:///tmp/x', 'blob:null/uuid'])
    expect(serializeAnOrigin(originOfURL(url)), url).toBe('null');
});

test('originOfURL throws one line for a non-URL', () => {
  expect(() => originOfURL('not a url')).toThrow(/not an absolute URL/);
});

test('parseSerializedOrigin round-trips origins and refuses paths', () => {
  for (const s of ['http://a.test:4001', 'https://b.test', 'http://[::1]:1'])
    expect(serializeAnOrigin(parseSerializedOrigin(s))).toBe(s);
  expect(parseSerializedOrigin('null')).toEqual({ kind: 'opaque' });
  for (const s of ['http://a.test/', 'http://a.test/x', 'http://a.test?q', 'data:,x'])
    expect(() => parseSerializedOrigin(s), s).toThrow();
});

test('same origin needs equal scheme, host and port; opaque matches nothing (O2)', () => {
  const o = (u: string): Origin => originOfURL(u);
  expect(isSameOrigin(o('http://a.test:80/'), o('http://a.test/x'))).toBe(true);
  expect(isSameOrigin(o('http://a.test/'), o('https://a.test/'))).toBe(false);
  expect(isSameOrigin(o('http://a.test:1/'), o('http://a.test:2/'))).toBe(false);
  expect(isSameOrigin(o('http://a.test/'), o('http://sub.a.test/'))).toBe(false);
  const opaque: Origin = { kind: 'opaque' };
  expect(isSameOrigin(opaque, opaque)).toBe(false);
});

const sites: [string, string, boolean][] = [
  ['http://a.test:1', 'http://sub.a.test:2', true],
  ['http://x.a.test', 'http://y.a.test', true],
  ['http://a.test', 'http://b.test', false],
  ['http://a.test', 'https://a.test', false],
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

// O4 examples: request origin O; X and Y other sites.
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
  test(`redirect-taint ${name} is ${taint} (O4)`, () => {
    const requestOrigin = originOfURL(O);
    expect(requestRedirectTaint(requestOrigin, urls)).toBe(taint);
    expect(serializingARequestOrigin(requestOrigin, urls)).toBe(
      taint === 'same-origin' ? 'http://o.test' : 'null',
    );
  });
}

test('an opaque request origin serializes to null even untainted (O5)', () => {
  expect(serializingARequestOrigin({ kind: 'opaque' }, [X])).toBe('null');
});
