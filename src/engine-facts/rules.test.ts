import { expect, test } from '@playwright/test';
import type { Diff } from '../harness/types.js';
import type { Scenario } from '../scenario/types.js';
import { hopKinds, matcherHolds, rulesCovering, rulesForVersion } from './rules.js';
import type { DeviationRule } from './types.js';

const d = (field: string): Diff => ({ field, predicted: 'a', observed: 'b' });
const rule = (over: Partial<DeviationRule>): DeviationRule => ({
  id: 'r',
  reason: 'r',
  fields: ['originHeader'],
  when: {},
  evidence: { status: 'unconfirmed', observed: 'o', searched: 's' },
  ...over,
});

test('hop kinds follow the chain as far as it goes', () => {
  const s: Scenario = {
    request: { target: 'same-origin' },
    server: {
      redirects: [
        { status: 302, to: 'cross-origin' },
        { status: 302, to: 'same-origin' },
        { status: 302, to: 'same-origin', noLocation: true },
        { status: 302, to: 'cross-origin-2' },
      ],
    },
  };
  expect(hopKinds(s, s.request)).toEqual([
    ['cross-origin', 'from-page-origin', 'off-page-origin'],
    ['cross-origin', 'to-page-origin'],
  ]);
});

test('request matchers: XHR is always cors and follow; methods normalised; header lines', () => {
  const xhr: Scenario = { request: { api: 'xhr', mode: 'no-cors', method: 'delete' } };
  expect(matcherHolds({ request: { mode: ['cors'], method: ['DELETE'] } }, xhr, 0)).toBe(true);
  expect(matcherHolds({ request: { notMethod: ['DELETE'] } }, xhr, 0)).toBe(false);
  const twice: Scenario = {
    request: {
      headers: [
        ['X-HTTP-Method-Override', 'PUT'],
        ['x-http-method-override', 'CONNECT'],
        ['Accept', 'a\u00ff'],
      ],
    },
  };
  const later = {
    names: ['x-http-method-override'],
    laterLine: true,
    value: 'names-forbidden-method',
  } as const;
  expect(matcherHolds({ request: { headers: [later] } }, twice, 0)).toBe(true);
  expect(
    matcherHolds(
      { request: { headers: [{ names: ['accept'], value: 'has-byte-0x80-or-above' }] } },
      twice,
      0,
    ),
  ).toBe(true);
  expect(
    matcherHolds({ request: { headers: [{ names: ['accept'], laterLine: true }] } }, twice, 0),
  ).toBe(false);
});

test('redirect matchers: statuses, rewrites to GET, a hop without a header, data: targets', () => {
  const s: Scenario = {
    request: { method: 'POST', target: 'same-origin' },
    server: {
      redirects: [
        { status: 301, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
        { status: 302, to: 'data:,x' },
      ],
    },
  };
  expect(matcherHolds({ redirects: { present: true, status: [302] } }, s, 0)).toBe(true);
  expect(matcherHolds({ redirects: { present: true, rewritesToGET: true } }, s, 0)).toBe(true);
  expect(matcherHolds({ redirects: { present: true, toDataURL: true } }, s, 0)).toBe(true);
  expect(
    matcherHolds(
      { redirects: { present: true, someHopWithout: ['access-control-allow-origin'] } },
      s,
      0,
    ),
  ).toBe(true);
  expect(matcherHolds({ redirects: { present: false } }, s, 0)).toBe(false);
  const put = { ...s, request: { ...s.request, method: 'PUT' } };
  expect(matcherHolds({ redirects: { present: true, rewritesToGET: true } }, put, 0)).toBe(false);
});

test('lastHop looks at the hop that reaches the final URL only', () => {
  const s: Scenario = {
    request: { method: 'POST', mode: 'no-cors' },
    server: {
      redirects: [
        { status: 307, to: 'same-origin' },
        { status: 301, to: 'same-origin' },
      ],
    },
  };
  expect(matcherHolds({ redirects: { present: true, lastHop: 'same-origin' } }, s, 0)).toBe(true);
  expect(matcherHolds({ redirects: { present: true, everyHop: 'same-origin' } }, s, 0)).toBe(false);
  const oneHop = { ...s, server: { redirects: [{ status: 307, to: 'same-origin' as const }] } };
  expect(matcherHolds({ redirects: { present: true, lastHop: 'same-origin' } }, oneHop, 0)).toBe(
    false,
  );
});

test('noLocation: the chain ends on a redirect status without Location, hop or final URL', () => {
  const final = (status: number, headers = {}): Scenario => ({
    request: { redirect: 'error' },
    server: { actual: { status, headers } },
  });
  const when = { redirects: { noLocation: true } };
  expect(matcherHolds(when, final(301), 0)).toBe(true);
  expect(matcherHolds(when, final(308), 0)).toBe(true);
  expect(matcherHolds(when, final(301, { location: '/x' }), 0)).toBe(false);
  expect(matcherHolds(when, final(200), 0)).toBe(false);
  expect(matcherHolds(when, final(304), 0)).toBe(false);
  expect(matcherHolds({ redirects: { present: true, noLocation: true } }, final(301), 0)).toBe(
    false,
  );
  const hop = (noLocation: boolean, status = 302): Scenario => ({
    request: {},
    server: { redirects: [{ status, to: 'cross-origin-2', noLocation }] },
  });
  expect(matcherHolds(when, hop(true), 0)).toBe(true);
  expect(matcherHolds(when, hop(false), 0)).toBe(false);
  expect(matcherHolds(when, hop(true, 200), 0)).toBe(false);
  // A hop followed to a final 302 without Location ends there too.
  const chain: Scenario = {
    request: {},
    server: { redirects: [{ status: 307, to: 'same-origin' }], actual: { status: 302 } },
  };
  expect(matcherHolds(when, chain, 0)).toBe(true);
});

test('finalStatus: the status of the response the chain ends on', () => {
  const when = { finalStatus: [407] };
  expect(matcherHolds(when, { request: {}, server: { actual: { status: 407 } } }, 0)).toBe(true);
  expect(matcherHolds(when, { request: {} }, 0)).toBe(false);
  const hop407: Scenario = {
    request: {},
    server: { redirects: [{ status: 407, to: 'same-origin' }], actual: { status: 200 } },
  };
  expect(matcherHolds(when, hop407, 0)).toBe(true);
  const followed: Scenario = {
    request: {},
    server: { redirects: [{ status: 302, to: 'same-origin' }], actual: { status: 407 } },
  };
  expect(matcherHolds(when, followed, 0)).toBe(true);
  expect(matcherHolds({ finalStatus: [302] }, followed, 0)).toBe(false);
});

test('rulesCovering needs a rule per differing field; versions select rules per build', () => {
  const s: Scenario = { request: { referrerPolicy: 'no-referrer' } };
  const r = rule({ when: { request: { referrerPolicy: ['no-referrer'] } } });
  expect(rulesCovering([r], s, [d('originHeader')])).toEqual([r]);
  expect(rulesCovering([r], s, [d('originHeader'), d('status')])).toBeNull();
  expect(rulesCovering([r], s, [])).toBeNull();
  const old = rule({ id: 'old', versions: '<157' });
  expect(rulesForVersion([r, old], '157.0.1').map((x) => x.id)).toEqual(['r']);
  expect(rulesForVersion([r, old], '156.0.1').map((x) => x.id)).toEqual(['r', 'old']);
  expect(rulesForVersion([r, old], undefined)).toHaveLength(2);
});

test('anyStatus looks at every answer: hops, their preflights, the final preflight and answer', () => {
  const s: Scenario = {
    request: { method: 'PUT' },
    server: { redirects: [{ status: 301, to: 'same-origin', preflight: { status: 408 } }] },
  };
  expect(matcherHolds({ anyStatus: [408] }, s, 0)).toBe(true);
  expect(matcherHolds({ anyStatus: [200] }, s, 0)).toBe(true);
  expect(matcherHolds({ anyStatus: [503] }, s, 0)).toBe(false);
  expect(matcherHolds({ anyStatus: [503] }, { ...s, server: { actual: { status: 503 } } }, 0)).toBe(
    true,
  );
});

test('userinfo counts only hops that are followed; a hop that ends the chain is not', () => {
  const followed: Scenario = {
    request: { api: 'img', target: 'same-origin' },
    server: { redirects: [{ status: 302, to: 'same-origin', userinfo: 'user:pass' }] },
  };
  expect(matcherHolds({ redirects: { userinfo: true } }, followed, 0)).toBe(true);
  const ends: Scenario = {
    request: { api: 'img', target: 'same-origin' },
    server: {
      redirects: [
        { status: 307, to: 'same-origin' },
        { status: 304, to: 'same-origin', userinfo: 'user' },
        { status: 302, to: 'same-origin', userinfo: 'user', noLocation: true },
      ],
    },
  };
  expect(matcherHolds({ redirects: { userinfo: true } }, ends, 0)).toBe(false);
  expect(matcherHolds({ redirects: { userinfo: false } }, ends, 0)).toBe(true);
});

test('finalStatusRanges and finalMIMEType read the response the chain ends on', () => {
  const at = (status: number, headers?: Record<string, string>, body?: string): Scenario => ({
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { actual: { status, ...(headers ? { headers } : {}), ...(body ? { body } : {}) } },
  });
  const ranges = {
    finalStatusRanges: [
      { from: 204, to: 205 },
      { from: 300, to: 399 },
    ],
  };
  expect([204, 205, 302, 399].map((n) => matcherHolds(ranges, at(n), 0))).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect([200, 206, 400].map((n) => matcherHolds(ranges, at(n), 0))).toEqual([false, false, false]);
  const hopEnd: Scenario = {
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { redirects: [{ status: 303, to: 'same-origin', noLocation: true }] },
  };
  expect(matcherHolds(ranges, hopEnd, 0)).toBe(true);
  const css = { finalMIMEType: 'not-text-css' } as const;
  // No Content-Type of the scenario's own: the fixture asset's type, which fits.
  expect(matcherHolds(css, at(200), 0)).toBe(false);
  expect(matcherHolds(css, at(200, { 'Content-Type': 'text/css;charset=utf-8' }), 0)).toBe(false);
  expect(matcherHolds(css, at(200, { 'Content-Type': 'text/plain' }), 0)).toBe(true);
  expect(matcherHolds(css, at(200, undefined, 'p{}'), 0)).toBe(true);
  const none = { finalMIMEType: 'none' } as const;
  expect(matcherHolds(none, at(200), 0)).toBe(false);
  expect(matcherHolds(none, at(200, { 'Content-Type': 'sid=1; Path=/' }), 0)).toBe(true);
  expect(matcherHolds(none, at(200, { 'Content-Type': '' }), 0)).toBe(true);
  expect(matcherHolds(none, at(200, undefined, 'p{}'), 0)).toBe(true);
  expect(matcherHolds(none, at(200, { 'Content-Type': 'text/plain' }), 0)).toBe(false);
  const js = { finalMIMEType: 'not-javascript-not-refused' } as const;
  expect(matcherHolds(js, at(200, { 'Content-Type': 'text/plain' }), 0)).toBe(true);
  expect(matcherHolds(js, at(200, { 'Content-Type': 'image/png' }), 0)).toBe(false);
  expect(matcherHolds(js, at(200, { 'Content-Type': 'text/javascript' }), 0)).toBe(false);
});
