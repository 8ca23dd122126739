// predict(): scenario vectors, worked redirect chains
// and the Origin-header table, per engine where engines differ.
import { expect, test } from '@playwright/test';
import type { Prediction, Scenario } from '../scenario/types.js';
import type { EngineProfile } from './engine-profile.js';
import { predict } from './predict.js';
import { CHROMIUM, FIREFOX, SPEC, WEBKIT } from '../engine-facts/index.js';

const PAGE = 'http://example.com:4001';
const B = 'http://example.net:4001';
const ALL: EngineProfile[] = [SPEC, CHROMIUM, FIREFOX, WEBKIT];

function run(s: Scenario, engine: EngineProfile = SPEC): Prediction {
  return predict(s, { engine });
}

const allowAll = { 'Access-Control-Allow-Origin': '<origin>' };

interface Row {
  name: string;
  scenario: Scenario;
  expect: Partial<Prediction>;
  engines?: EngineProfile[];
}

// Scenario vectors (page http://example.com:4001, target http://example.net:4001).
const VECTORS: Row[] = [
  {
    name: '1 simple GET with exact ACAO resolves as cors',
    scenario: {
      request: {},
      server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } } },
    },
    expect: {
      preflight: false,
      outcome: 'ok',
      responseType: 'cors',
      status: 200,
      originHeader: PAGE,
      actualSent: true,
    },
    engines: ALL,
  },
  {
    name: '2 simple GET without ACAO rejects after the request was sent',
    scenario: { request: {}, server: { actual: { status: 200 } } },
    expect: {
      preflight: false,
      outcome: 'network-error',
      actualSent: true,
      status: null,
      responseType: null,
    },
    engines: ALL,
  },
  {
    name: '3 credentials include with ACAO * rejects',
    scenario: {
      request: { credentials: 'include' },
      server: {
        actual: {
          status: 200,
          headers: {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Credentials': 'true',
          },
        },
      },
    },
    expect: { outcome: 'network-error', actualSent: true },
    engines: ALL,
  },
  {
    name: '4 credentials include with exact ACAO and ACAC true resolves',
    scenario: {
      request: { credentials: 'include' },
      server: {
        actual: {
          status: 200,
          headers: {
            'Access-Control-Allow-Origin': PAGE,
            'Access-Control-Allow-Credentials': 'true',
          },
        },
      },
      setup: { cookies: [{ on: 'cross-origin', name: 'c', value: '1' }] },
    },
    expect: {
      outcome: 'ok',
      responseType: 'cors',
      wire: [{ hop: 0, preflight: false, method: 'GET', origin: PAGE, cookie: true }],
    },
    // Chromium (Lax by default, third-party cookies blocked) and Firefox (partitioned
    // third-party jar) keep this cross-site cookie home: see cookies.test.ts.
    engines: [SPEC, WEBKIT],
  },
  {
    name: '5 PUT with ACAO * and no ACAM fails at the preflight',
    scenario: {
      request: { method: 'PUT' },
      server: { preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } } },
    },
    expect: {
      preflight: true,
      acrm: 'PUT',
      acrh: null,
      outcome: 'network-error',
      actualSent: false,
    },
    engines: ALL,
  },
  {
    name: '6 ACAM is case-sensitive: put does not allow PUT',
    scenario: {
      request: { method: 'PUT' },
      server: {
        preflight: {
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'put' },
        },
      },
    },
    expect: { preflight: true, outcome: 'network-error', actualSent: false },
    engines: ALL,
  },
  {
    name: '6b put normalizes to PUT and ACAM PUT allows it',
    scenario: {
      request: { method: 'put' },
      server: {
        preflight: {
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: { preflight: true, acrm: 'PUT', outcome: 'ok', actualSent: true },
    engines: ALL,
  },
  {
    name: '7 patch is not normalized, ACAM PATCH does not allow it',
    scenario: {
      request: { method: 'patch' },
      server: {
        preflight: {
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PATCH' },
        },
      },
    },
    expect: { preflight: true, acrm: 'patch', outcome: 'network-error' },
    engines: ALL,
  },
  {
    name: '8 ACRH lists unsafe names lowercase and sorted; ACAH in any case allows them',
    scenario: {
      request: { headers: { 'X-A': '1', 'x-b': '2' } },
      server: {
        preflight: {
          status: 200,
          headers: {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Headers': 'X-B, X-A',
          },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: { preflight: true, acrm: 'GET', acrh: 'x-a,x-b', outcome: 'ok' },
    engines: ALL,
  },
  {
    name: '8b ACAH * allows unsafe names without credentials',
    scenario: {
      request: { headers: { 'X-A': '1' } },
      server: {
        preflight: {
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: { outcome: 'ok' },
    engines: ALL,
  },
  {
    name: '9 Authorization through ACAH * fails in the spec',
    scenario: {
      request: { headers: { Authorization: 'Bearer t' } },
      server: {
        preflight: {
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: { preflight: true, acrh: 'authorization', outcome: 'network-error', actualSent: false },
    engines: [SPEC],
  },
  {
    name: '9 Authorization through ACAH * passes in every engine',
    scenario: {
      request: { headers: { Authorization: 'Bearer t' } },
      server: {
        preflight: {
          status: 200,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: { preflight: true, outcome: 'ok', actualSent: true },
    engines: [CHROMIUM, FIREFOX, WEBKIT],
  },
  {
    name: '10 a quote in Content-Type makes it unsafe',
    scenario: {
      request: {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset="utf-8"' },
        body: 'x',
      },
    },
    expect: { preflight: true, acrm: 'POST', acrh: 'content-type' },
    engines: ALL,
  },
  {
    name: '11 an Accept value over 128 bytes is unsafe',
    scenario: { request: { headers: { Accept: 'x'.repeat(129) } } },
    expect: { preflight: true, acrh: 'accept' },
    engines: ALL,
  },
  {
    name: '12 a suffix Range is unsafe',
    scenario: { request: { headers: { Range: 'bytes=-500' } } },
    expect: { preflight: true, acrh: 'range' },
    engines: ALL,
  },
  {
    name: '12b Range bytes=0- is safelisted',
    scenario: {
      request: { headers: { Range: 'bytes=0-' } },
      server: { actual: { status: 200, headers: allowAll } },
    },
    expect: { preflight: false, outcome: 'ok' },
    engines: ALL,
  },
  {
    name: '13 no-cors PUT throws at construction',
    scenario: { request: { mode: 'no-cors', method: 'PUT' } },
    expect: { outcome: 'exception', preflight: false, actualSent: false, wire: [] },
    engines: ALL,
  },
  {
    name: '14 no-cors drops X-A and gives an opaque response',
    scenario: {
      request: { mode: 'no-cors', headers: { 'X-A': '1' } },
      server: { actual: { status: 500 } },
    },
    expect: {
      preflight: false,
      outcome: 'ok',
      responseType: 'opaque',
      status: 0,
      readableHeaders: [],
      originHeader: null,
    },
    engines: ALL,
  },
  {
    name: '15 redirect manual with a CORS-passing 302 is opaqueredirect',
    scenario: {
      request: { redirect: 'manual' },
      server: { redirects: [{ status: 302, to: 'cross-origin', headers: allowAll }] },
    },
    expect: { outcome: 'ok', responseType: 'opaqueredirect', status: 0, readableHeaders: [] },
    engines: ALL,
  },
  {
    name: '16 redirect manual with a 302 without ACAO rejects',
    scenario: {
      request: { redirect: 'manual' },
      server: { redirects: [{ status: 302, to: 'cross-origin' }] },
    },
    expect: { outcome: 'network-error' },
    engines: ALL,
  },
  {
    name: '17 B→302→C taints the origin: C answering the page origin fails',
    scenario: {
      request: {},
      server: {
        redirects: [{ status: 302, to: 'cross-origin-2', headers: allowAll }],
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } },
      },
    },
    expect: { outcome: 'network-error', originHeader: 'null', actualSent: true },
    engines: ALL,
  },
  {
    name: '18 POST form body through a 303 becomes a GET',
    scenario: {
      request: { method: 'POST', body: { kind: 'url-search-params', value: 'a=1' } },
      server: {
        redirects: [
          { status: 303, to: 'cross-origin-2', headers: { 'Access-Control-Allow-Origin': '*' } },
        ],
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: {
      outcome: 'ok',
      preflight: false,
      wire: [
        { hop: 0, preflight: false, method: 'POST', origin: PAGE, cookie: false },
        { hop: 1, preflight: false, method: 'GET', origin: 'null', cookie: false },
      ],
    },
    engines: ALL,
  },
  {
    name: '20 XHR GET with an upload listener preflights with ACRM GET and no ACRH',
    scenario: {
      request: { api: 'xhr', uploadListener: true },
      server: {
        preflight: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
    },
    expect: { preflight: true, acrm: 'GET', acrh: null, outcome: 'ok' },
    // Chromium needs a request body for the forced preflight (uploadListenerNeedsBody).
    engines: [SPEC, FIREFOX, WEBKIT],
  },
  {
    name: '21 ACEH * exposes X-Foo but never Set-Cookie',
    scenario: {
      request: {},
      server: {
        actual: {
          status: 200,
          headers: {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Expose-Headers': '*',
            'X-Foo': '1',
            'Set-Cookie': 'a=1',
          },
        },
      },
    },
    expect: {
      outcome: 'ok',
      readableHeaders: ['access-control-allow-origin', 'access-control-expose-headers', 'x-foo'],
    },
    engines: ALL,
  },
  {
    name: '22 ACEH that fails to parse exposes nothing beyond the safelist',
    scenario: {
      request: {},
      server: {
        actual: {
          status: 200,
          headers: {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Expose-Headers': 'X-Foo, Bad Header',
            'X-Foo': '1',
            'Content-Type': 'text/plain',
          },
        },
      },
    },
    expect: { outcome: 'ok', readableHeaders: ['content-type'] },
    engines: ALL,
  },
];

// Worked redirect chains: request origin A = page, cors mode, credentials same-origin.
const CHAINS: Row[] = [
  {
    name: 'A→B(302)→C: Origin null at C, which must answer null or *',
    scenario: {
      request: {},
      server: {
        redirects: [
          { status: 302, to: 'cross-origin-2', headers: { 'Access-Control-Allow-Origin': PAGE } },
        ],
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } },
      },
    },
    expect: {
      outcome: 'ok',
      originHeader: 'null',
      wire: [
        { hop: 0, preflight: false, method: 'GET', origin: PAGE, cookie: false },
        { hop: 1, preflight: false, method: 'GET', origin: 'null', cookie: false },
      ],
    },
  },
  {
    name: 'A→B(302)→A: Origin null back home, still cors, no cookies',
    scenario: {
      request: {},
      setup: { cookies: [{ on: 'same-origin', name: 'c', value: '1' }] },
      server: {
        redirects: [
          { status: 302, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
        ],
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } },
      },
    },
    expect: {
      outcome: 'ok',
      responseType: 'cors',
      originHeader: 'null',
      wire: [
        { hop: 0, preflight: false, method: 'GET', origin: PAGE, cookie: false },
        { hop: 1, preflight: false, method: 'GET', origin: 'null', cookie: false },
      ],
    },
  },
  {
    name: 'A(302)→B: the first hop is basic, B gets a preflight for PUT',
    scenario: {
      request: { method: 'PUT', target: 'same-origin' },
      setup: { cookies: [{ on: 'same-origin', name: 'c', value: '1' }] },
      server: {
        redirects: [{ status: 307, to: 'cross-origin' }],
        preflight: {
          status: 204,
          headers: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } },
      },
    },
    expect: {
      outcome: 'ok',
      preflight: true,
      acrm: 'PUT',
      wire: [
        { hop: 0, preflight: false, method: 'PUT', origin: PAGE, cookie: true },
        {
          hop: 1,
          preflight: true,
          method: 'OPTIONS',
          origin: PAGE,
          acrm: 'PUT',
          acrh: null,
          cookie: false,
        },
        { hop: 1, preflight: false, method: 'PUT', origin: PAGE, cookie: false },
      ],
    },
  },
  {
    name: 'A→B(307, PUT + X-Token)→B2: preflight, PUT, 307, a new preflight, PUT',
    scenario: {
      request: { method: 'PUT', headers: { 'X-Token': 't' } },
      server: {
        redirects: [
          {
            status: 307,
            to: 'cross-origin',
            headers: { 'Access-Control-Allow-Origin': PAGE },
            preflight: {
              status: 204,
              headers: {
                'Access-Control-Allow-Origin': PAGE,
                'Access-Control-Allow-Methods': 'PUT',
                'Access-Control-Allow-Headers': 'x-token',
              },
            },
          },
        ],
        preflight: {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': PAGE,
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Allow-Headers': 'x-token',
          },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': PAGE } },
      },
    },
    expect: {
      outcome: 'ok',
      wire: [
        {
          hop: 0,
          preflight: true,
          method: 'OPTIONS',
          origin: PAGE,
          acrm: 'PUT',
          acrh: 'x-token',
          cookie: false,
        },
        { hop: 0, preflight: false, method: 'PUT', origin: PAGE, cookie: false },
        {
          hop: 1,
          preflight: true,
          method: 'OPTIONS',
          origin: PAGE,
          acrm: 'PUT',
          acrh: 'x-token',
          cookie: false,
        },
        { hop: 1, preflight: false, method: 'PUT', origin: PAGE, cookie: false },
      ],
    },
  },
];

// The Origin header per situation.
const ORIGIN_TABLE: Row[] = [
  {
    name: 'cors tainting, GET: serialized origin',
    scenario: { request: {} },
    expect: { originHeader: PAGE },
  },
  {
    name: 'basic, same-origin GET: absent',
    scenario: { request: { target: 'same-origin' } },
    expect: { originHeader: null, responseType: 'basic' },
  },
  {
    name: 'basic, same-origin HEAD: absent',
    scenario: { request: { target: 'same-origin', method: 'HEAD' } },
    expect: { originHeader: null },
  },
  {
    name: 'basic, same-origin POST mode cors: serialized origin',
    scenario: { request: { target: 'same-origin', method: 'POST' } },
    expect: { originHeader: PAGE },
  },
  {
    name: 'basic, same-origin POST mode cors ignores referrer policy no-referrer',
    scenario: { request: { target: 'same-origin', method: 'POST', referrerPolicy: 'no-referrer' } },
    expect: { originHeader: PAGE },
  },
  {
    name: 'no-cors POST cross-origin: serialized origin',
    scenario: { request: { mode: 'no-cors', method: 'POST' } },
    expect: { originHeader: PAGE, responseType: 'opaque' },
  },
  {
    name: 'no-cors POST with no-referrer: null',
    scenario: { request: { mode: 'no-cors', method: 'POST', referrerPolicy: 'no-referrer' } },
    expect: { originHeader: 'null' },
  },
  {
    name: 'no-cors POST with referrer policy same-origin to another origin: null',
    scenario: { request: { mode: 'no-cors', method: 'POST', referrerPolicy: 'same-origin' } },
    expect: { originHeader: 'null' },
  },
  {
    name: 'same-origin mode POST with referrer policy same-origin: serialized origin',
    scenario: {
      request: {
        mode: 'same-origin',
        target: 'same-origin',
        method: 'POST',
        referrerPolicy: 'same-origin',
      },
    },
    expect: { originHeader: PAGE },
  },
  {
    name: 'no-cors GET: absent',
    scenario: { request: { mode: 'no-cors' } },
    expect: { originHeader: null },
  },
  {
    name: 'no-cors POST that went X→O: null',
    scenario: {
      request: { mode: 'no-cors', method: 'POST' },
      server: { redirects: [{ status: 307, to: 'same-origin' }] },
    },
    expect: { originHeader: 'null', responseType: 'opaque' },
  },
  {
    name: 'opaque-origin client: null, and cross-origin to the parent page',
    scenario: {
      client: 'opaque-origin',
      request: { target: 'same-origin-of-parent' },
      server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
    },
    expect: { originHeader: 'null', outcome: 'ok', responseType: 'cors' },
  },
  {
    name: 'data-url client: ACAO <origin> resolves to null and passes',
    scenario: {
      client: 'data-url',
      request: {},
      server: { actual: { status: 200, headers: allowAll } },
    },
    expect: { originHeader: 'null', outcome: 'ok' },
  },
  {
    name: 'mode same-origin to another origin: network error, nothing sent',
    scenario: { request: { mode: 'same-origin' } },
    expect: { outcome: 'network-error', wire: [] },
  },
];

for (const [group, rows] of [
  ['vectors', VECTORS],
  ['chains', CHAINS],
  ['origin header', ORIGIN_TABLE],
] as const) {
  for (const row of rows) {
    for (const engine of row.engines ?? [SPEC]) {
      test(`${group}: ${row.name} [${engine.name}]`, () => {
        const p = run(row.scenario, engine);
        expect(p, JSON.stringify(p.because, null, 1)).toMatchObject(row.expect);
      });
    }
  }
}

test('the dropped header and the no-cors path are named in because', () => {
  const p = run({ request: { mode: 'no-cors', headers: { 'X-A': '1' } } });
  expect(p.because.map((r) => `${r.algorithm} ${r.step}`)).toEqual(
    expect.arrayContaining(['concept-headers-append 3.4', 'concept-main-fetch 12.2']),
  );
});

test('engines name the wildcardCoversAuthorization knob as the deviation', () => {
  const s = VECTORS.find((r) =>
    r.name.startsWith('9 Authorization through ACAH * passes'),
  )?.scenario;
  if (s === undefined) throw new Error('row missing');
  for (const engine of [CHROMIUM, FIREFOX, WEBKIT])
    expect(run(s, engine).because.some((r) => r.deviation === 'wildcardCoversAuthorization')).toBe(
      true,
    );
  expect(run(s).because.at(-1)).toMatchObject({ algorithm: 'cors-preflight-fetch-0', step: '7.6' });
});

test('the decisive failure is the last reason, with the concrete values', () => {
  const p = run({
    request: {},
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': 'http://EXAMPLE.COM:4001' },
      },
    },
  });
  const last = p.because.at(-1);
  expect(last).toMatchObject({ algorithm: 'concept-cors-check', step: '4' });
  expect(p.because.at(-2)).toMatchObject({ algorithm: 'concept-http-fetch', step: '4.4' });
  expect(last?.message).toContain('http://EXAMPLE.COM:4001');
  expect(last?.message).toContain(PAGE);
});

test('User-Agent: a preflight in the spec, silently dropped in Chromium', () => {
  const s: Scenario = {
    request: { headers: { 'User-Agent': 'OK' } },
    server: { actual: { status: 200, headers: allowAll } },
  };
  expect(run(s)).toMatchObject({ preflight: true, acrh: 'user-agent' });
  const c = run(s, CHROMIUM);
  expect(c).toMatchObject({ preflight: false, outcome: 'ok' });
  expect(c.because.some((r) => r.deviation === 'userAgentIsForbidden')).toBe(true);
});

test('Chromium extra safelisted headers: no preflight for Save-Data', () => {
  const s: Scenario = {
    request: { headers: { 'Save-Data': 'on' } },
    server: { actual: { status: 200, headers: allowAll } },
  };
  expect(run(s)).toMatchObject({ preflight: true, acrh: 'save-data' });
  const c = run(s, CHROMIUM);
  expect(c).toMatchObject({ preflight: false });
  expect(c.because.some((r) => r.deviation === 'extraSafelistedRequestHeaders')).toBe(true);
});

test('a preflight answered with a redirect fails', () => {
  const p = run({
    request: { method: 'PUT' },
    server: {
      preflight: { status: 302, headers: { 'Access-Control-Allow-Origin': '*', Location: B } },
    },
  });
  expect(p).toMatchObject({ outcome: 'network-error', preflight: true, actualSent: false });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'cors-preflight-fetch-0', step: '8' });
});

test('redirect mode error rejects a redirect', () => {
  const p = run({
    request: { redirect: 'error' },
    server: { redirects: [{ status: 302, to: 'cross-origin', headers: allowAll }] },
  });
  expect(p).toMatchObject({ outcome: 'network-error' });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'concept-http-fetch', step: '6.3' });
});

test('a redirect status without Location is the final response', () => {
  const p = run({
    request: {},
    server: {
      redirects: [{ status: 302, to: 'cross-origin', noLocation: true, headers: allowAll }],
    },
  });
  expect(p).toMatchObject({ outcome: 'ok', status: 302, responseType: 'cors' });
  expect(p.wire).toHaveLength(1);
});

test('20 redirects are followed, the 21st fails', () => {
  const hops = (n: number): Scenario => ({
    request: {},
    server: {
      redirects: Array.from({ length: n }, () => ({
        status: 302,
        to: 'cross-origin' as const,
        headers: { 'Access-Control-Allow-Origin': '*' },
      })),
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  });
  expect(run(hops(20))).toMatchObject({ outcome: 'ok' });
  const p = run(hops(21));
  expect(p).toMatchObject({ outcome: 'network-error' });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'concept-http-redirect-fetch', step: '7' });
});

test('userinfo in a cross-origin Location fails in cors mode', () => {
  const p = run({
    request: {},
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', userinfo: 'u:p', headers: allowAll }],
    },
  });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'concept-http-redirect-fetch', step: '9' });
});

test('userinfo back to the same origin fails once tainting is cors', () => {
  const p = run({
    request: {},
    server: { redirects: [{ status: 302, to: 'same-origin', userinfo: 'u:p', headers: allowAll }] },
  });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'concept-http-redirect-fetch', step: '10' });
});

test('a 301 keeps PUT and re-preflights; Authorization is removed cross-origin', () => {
  const p = run({
    request: { method: 'PUT', headers: { Authorization: 'x' } },
    server: {
      redirects: [
        {
          status: 301,
          to: 'cross-origin-2',
          headers: { 'Access-Control-Allow-Origin': PAGE },
          preflight: {
            status: 204,
            headers: {
              'Access-Control-Allow-Origin': PAGE,
              'Access-Control-Allow-Methods': 'PUT',
              'Access-Control-Allow-Headers': 'authorization',
            },
          },
        },
      ],
      preflight: {
        status: 204,
        headers: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Methods': 'PUT' },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } },
    },
  });
  expect(p.outcome).toBe('ok');
  expect(p.wire?.map((w) => [w.hop, w.method, w.origin, w.acrh ?? null])).toEqual([
    [0, 'OPTIONS', PAGE, 'authorization'],
    [0, 'PUT', PAGE, null],
    [1, 'OPTIONS', 'null', null],
    [1, 'PUT', 'null', null],
  ]);
});

test('a stream body is preflighted, then refused on the HTTP/1.1 connection', () => {
  const p = run({
    request: { method: 'POST', body: { kind: 'stream', value: 'x' } },
    server: {
      preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [
        {
          status: 307,
          to: 'cross-origin',
          headers: allowAll,
          preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } },
        },
      ],
    },
  });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'concept-http-network-fetch', step: '8.3' });
  expect(p).toMatchObject({ preflight: true, actualSent: false, outcome: 'network-error' });
  expect(p.wire?.map((w) => w.method)).toEqual(['OPTIONS']);
});

test('a forced preflight without ACAM fails unless absentACAMAllowsForcedMethod is on', () => {
  const s: Scenario = {
    request: { api: 'xhr', method: 'PUT', body: 'x', uploadListener: true },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Headers': 'content-type',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  };
  for (const engine of ALL) expect(run(s, engine).outcome).toBe('network-error');
  expect(run(s).because.at(-1)?.message).toContain('the literal spec text would allow it');
  expect(run(s, { ...SPEC, absentACAMAllowsForcedMethod: true }).outcome).toBe('ok');
});

test('repeated Accept lines are judged as one combined value (the Headers object init)', () => {
  const lines: [string, string][] = Array.from({ length: 2 }, () => ['Accept', 'a'.repeat(64)]);
  expect(run({ request: { headers: lines.slice(0, 1) } })).toMatchObject({ preflight: false });
  expect(run({ request: { headers: lines } })).toMatchObject({ preflight: true, acrh: 'accept' });
});

test('max-age deviations name the knob: cap vs parsing', () => {
  const s = (maxAge: string): Scenario => ({
    request: { method: 'PUT' },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': maxAge,
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  });
  const deviation = (p: Prediction): string | undefined =>
    p.because.find((r) => r.step === '7.10')?.deviation;
  expect(deviation(run(s('86400'), CHROMIUM))).toBe('maxAgeCapSeconds');
  expect(deviation(run(s('5s'), FIREFOX))).toBe('maxAgeParsing');
  expect(deviation(run(s('600'), WEBKIT))).toBeUndefined();
  expect(deviation(run(s('86400')))).toBeUndefined();
});

test('a credentialed request sends the cookie to its role only, never on a preflight', () => {
  const p = run({
    request: { method: 'PUT', credentials: 'include' },
    setup: { cookies: [{ on: 'cross-origin', name: 'c', value: '1' }] },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': PAGE,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Methods': 'PUT',
        },
      },
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': PAGE,
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  });
  expect(p.wire?.map((w) => [w.method, w.cookie])).toEqual([
    ['OPTIONS', false],
    ['PUT', true],
  ]);
});

test('credentials same-origin: cookies only while tainting is basic', () => {
  const p = run({
    request: { target: 'same-origin' },
    setup: { cookies: [{ on: 'same-origin', name: 'c', value: '1' }] },
    server: {
      redirects: [
        { status: 302, to: 'cross-origin' },
        { status: 302, to: 'same-origin', headers: allowAll },
      ],
      actual: { status: 200, headers: allowAll },
    },
  });
  expect(p.wire?.map((w) => w.cookie)).toEqual([true, false, false]);
});

test('then: overrides apply to the first request, query makes another URL', () => {
  const p = run({
    request: { method: 'PUT', headers: { 'X-A': '1' } },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Allow-Headers': '<acrh>',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    then: {
      request: { headers: { 'x-a': null, 'X-B': '2' } },
      then: { request: { query: 'q=1' } },
    },
  });
  expect([
    p.preflight,
    p.then?.preflight,
    p.then?.acrh,
    p.then?.then?.preflight,
    p.then?.then?.acrh,
  ]).toEqual([true, true, 'x-b', true, 'x-a']);
});

test('XHR charset rewrite removes the quotes: no preflight, where fetch needs one', () => {
  const request = {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset="latin1"' },
    body: 'x',
  };
  const server = { actual: { status: 200, headers: allowAll } };
  expect(run({ request: { ...request, api: 'xhr' }, server })).toMatchObject({
    preflight: false,
    outcome: 'ok',
  });
  expect(run({ request, server })).toMatchObject({ preflight: true, acrh: 'content-type' });
});

test('a redirect to a data: URL is a network error in every mode, the final URL never reached', () => {
  for (const mode of ['cors', 'no-cors', 'same-origin'] as const) {
    const p = run({
      request: { method: 'GET', mode, target: 'same-origin' },
      server: { redirects: [{ status: 302, to: 'data:text/plain,hi' }] },
    });
    expect(p, mode).toMatchObject({
      outcome: 'network-error',
      actualSent: false,
      originHeader: null,
    });
    expect(p.because.at(-1), mode).toMatchObject({
      algorithm: 'concept-http-redirect-fetch',
      step: '6',
    });
    expect(p.wire?.map((w) => w.hop)).toEqual([0]);
  }
  // redirect: 'manual' never parses the Location.
  const manual = run({
    request: { method: 'GET', target: 'same-origin', redirect: 'manual' },
    server: { redirects: [{ status: 302, to: 'data:text/plain,hi' }] },
  });
  expect(manual).toMatchObject({ outcome: 'ok', responseType: 'opaqueredirect' });
});

test('preflight statuses 600-999 are not ok: the preflight fails', () => {
  for (const status of [600, 680, 790, 999]) {
    const p = run({
      request: { method: 'PUT' },
      server: {
        preflight: {
          status,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' },
        },
      },
    });
    expect(p, String(status)).toMatchObject({
      preflight: true,
      actualSent: false,
      outcome: 'network-error',
    });
  }
});

test('a 1xx final answer is an interim response with no final one: network error', () => {
  const p = run({
    request: { method: 'GET', target: 'same-origin' },
    server: { actual: { status: 103 } },
  });
  expect(p).toMatchObject({ outcome: 'network-error', actualSent: true });
  expect(p.because.at(-1)).toMatchObject({ algorithm: 'concept-http-network-fetch' });
});

test('stepClock: the cache expires by the given clock, not by the scheduled delays', () => {
  const scenario: Scenario = {
    id: 't/step-clock',
    request: { method: 'PUT' },
    server: {
      preflight: {
        status: 204,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    // No Max-Age: the default 5 s lifetime; scheduled 1 s and then 1 s more.
    then: { delayMs: 1000, then: { delayMs: 1000 } },
  };
  const chain = (p: Prediction): boolean[] => [
    p.preflight,
    p.then?.preflight ?? false,
    p.then?.then?.preflight ?? false,
  ];
  expect(chain(predict(scenario, { engine: SPEC }))).toEqual([true, false, false]);
  // The page started the third request 5.5 s after the first: the entry has expired.
  const late = predict(scenario, { engine: SPEC, stepClock: [0, 1000, 5500] });
  expect(chain(late)).toEqual([true, false, true]);
});

test('an empty repeated response header line: joined by the spec, ignored by Firefox unless ACAO is spelled exactly twice', () => {
  const scenario = (lines: [string, string][]): Scenario => ({
    id: 't/empty-line',
    request: { method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200, headers: lines } },
  });
  const exact = 'Access-Control-Allow-Origin';
  const lower = 'access-control-allow-origin';
  const outcomes = (lines: [string, string][]): string[] =>
    [SPEC, CHROMIUM, FIREFOX, WEBKIT].map((e) => run(scenario(lines), e).outcome);
  // Spelled exactly twice: Firefox refuses before it combines, like the spec's joined value.
  expect(
    outcomes([
      [exact, '<origin>'],
      [exact, ''],
    ]),
  ).toEqual(Array(4).fill('network-error'));
  // Spelled otherwise: Firefox's merged value is the origin alone.
  const mixed: [string, string][] = [
    [exact, '<origin>'],
    [lower, ''],
  ];
  expect(outcomes(mixed)).toEqual(['network-error', 'network-error', 'ok', 'network-error']);
  expect(
    outcomes([
      [lower, ''],
      [lower, '<origin>'],
    ]),
  ).toEqual(['network-error', 'network-error', 'ok', 'network-error']);
  const because = run(scenario(mixed), FIREFOX).because;
  expect(because.some((b) => b.deviation === 'emptyRepeatedResponseHeaderLinesIgnored')).toBe(true);
  // All lines empty: one empty value, which fails everywhere.
  expect(
    run(
      scenario([
        [lower, ''],
        [lower, ''],
      ]),
      FIREFOX,
    ).outcome,
  ).toBe('network-error');
});
