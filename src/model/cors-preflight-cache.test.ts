// CORS-preflight cache: sequences of requests (via `then`) per engine, expiry, clearing on
// failure, credentials in the key, and the engines' cache shapes (preflightCache* knobs); plus the cache value
// operations on their own.
import { expect, test } from '@playwright/test';
import type { Prediction, Scenario, ThenStep } from '../scenario/types.js';
import {
  EMPTY_PREFLIGHT_CACHE,
  clearCacheEntries,
  lookupPreflightCache,
  storePreflightResult,
  type CacheRequest,
} from './cors-preflight-cache.js';
import type { EngineProfile } from './engine-profile.js';
import { predict } from './predict.js';
import { CHROMIUM, FIREFOX, SPEC, WEBKIT } from '../engine-facts/index.js';

const PAGE = 'http://example.com:4001';

/** Whether each request of the chain sent a preflight. */
function preflights(s: Scenario, engine: EngineProfile): boolean[] {
  const out: boolean[] = [];
  for (let p: Prediction | undefined = predict(s, { engine }); p !== undefined; p = p.then)
    out.push(p.preflight);
  return out;
}

function chain(...steps: ThenStep[]): ThenStep | undefined {
  let next: ThenStep | undefined;
  for (const step of [...steps].reverse())
    next = next === undefined ? step : { ...step, then: next };
  return next;
}

function putScenario(
  preflightHeaders: Record<string, string>,
  extra: Partial<Scenario> = {},
  ...steps: ThenStep[]
): Scenario {
  const s: Scenario = {
    request: { method: 'PUT', headers: { 'X-A': '1' } },
    server: {
      preflight: {
        status: 204,
        headers: { 'Access-Control-Allow-Origin': '*', ...preflightHeaders },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
    ...extra,
  };
  const then = chain(...steps);
  if (then !== undefined) s.then = then;
  return s;
}

interface Row {
  name: string;
  scenario: Scenario;
  /** Preflight per request of the chain, per engine. */
  expect: Partial<Record<EngineProfile['name'], boolean[]>>;
}

const OK = { 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-a' };

const ROWS: Row[] = [
  {
    name: 'Max-Age 600, repeated within 600 s: no second preflight anywhere',
    scenario: putScenario({ ...OK, 'Access-Control-Max-Age': '600' }, {}, { delayMs: 599_000 }),
    expect: {
      spec: [true, false],
      chromium: [true, false],
      firefox: [true, false],
      webkit: [true, false],
    },
  },
  {
    name: 'Max-Age 7200 after 601 s: WebKit (cap 600) preflights again',
    scenario: putScenario({ ...OK, 'Access-Control-Max-Age': '7200' }, {}, { delayMs: 601_000 }),
    expect: {
      spec: [true, false],
      chromium: [true, false],
      firefox: [true, false],
      webkit: [true, true],
    },
  },
  {
    name: 'Max-Age 86400 after 7201 s: Chromium (cap 7200) preflights again',
    scenario: putScenario({ ...OK, 'Access-Control-Max-Age': '86400' }, {}, { delayMs: 7_201_000 }),
    expect: {
      spec: [true, false],
      chromium: [true, true],
      firefox: [true, false],
      webkit: [true, true],
    },
  },
  {
    name: 'no Max-Age: 5 s default, reused at 4.9 s, expired at 5 s',
    scenario: putScenario(OK, {}, { delayMs: 4_900 }, { delayMs: 100 }),
    expect: {
      spec: [true, false, true],
      chromium: [true, false, true],
      firefox: [true, false, true],
      webkit: [true, false, true],
    },
  },
  {
    name: 'Max-Age 0: never reused',
    scenario: putScenario({ ...OK, 'Access-Control-Max-Age': '0' }, {}, {}),
    expect: {
      spec: [true, true],
      chromium: [true, true],
      firefox: [true, true],
      webkit: [true, true],
    },
  },
  {
    name: 'Max-Age -1: spec 5 s; Chromium 0',
    scenario: putScenario({ ...OK, 'Access-Control-Max-Age': '-1' }, {}, { delayMs: 1_000 }),
    expect: { spec: [true, false], chromium: [true, true] },
  },
  {
    name: 'Max-Age 5s: spec 5 s; Firefox does not cache at all',
    scenario: putScenario({ ...OK, 'Access-Control-Max-Age': '5s' }, {}, { delayMs: 1_000 }),
    expect: { spec: [true, false], firefox: [true, true] },
  },
  {
    name: 'entries accumulate in spec and Firefox; Chromium and WebKit replace the result wholesale',
    scenario: {
      request: { method: 'PUT' },
      server: {
        preflight: {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Methods': '<acrm>',
            'Access-Control-Max-Age': '60',
          },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
      then: { request: { method: 'DELETE' }, then: { request: { method: 'PUT' } } },
    },
    expect: {
      spec: [true, true, false],
      firefox: [true, true, false],
      chromium: [true, true, true],
      webkit: [true, true, true],
    },
  },
  {
    name: 'a failure clears the entries for the URL; WebKit keeps its item',
    scenario: putScenario(
      { ...OK, 'Access-Control-Max-Age': '60' },
      {},
      { request: { headers: { 'X-B': '1' } } },
      { request: { headers: { 'X-B': null } } },
    ),
    expect: {
      spec: [true, true, true],
      firefox: [true, true, true],
      chromium: [true, true, true],
      webkit: [true, true, false],
    },
  },
  {
    name: 'a query string is another URL: a new preflight',
    scenario: putScenario(
      { ...OK, 'Access-Control-Max-Age': '60' },
      {},
      { request: { query: 'b=1' } },
    ),
    expect: {
      spec: [true, true],
      chromium: [true, true],
      firefox: [true, true],
      webkit: [true, true],
    },
  },
  {
    name: 'a credentialed entry serves a non-credentialed request in the spec; Firefox keys by credentials',
    scenario: {
      request: { method: 'PUT', credentials: 'include' },
      server: {
        preflight: {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': PAGE,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Max-Age': '60',
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
      then: { request: { credentials: 'omit' } },
    },
    expect: {
      spec: [true, false],
      firefox: [true, true],
      chromium: [true, false],
      webkit: [true, false],
    },
  },
  {
    name: 'a non-credentialed entry never serves a credentialed request',
    scenario: {
      request: { method: 'PUT' },
      server: {
        preflight: {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': PAGE,
            'Access-Control-Allow-Credentials': 'true',
            'Access-Control-Allow-Methods': 'PUT',
            'Access-Control-Max-Age': '60',
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
      then: { request: { credentials: 'include' } },
    },
    expect: {
      spec: [true, true],
      firefox: [true, true],
      chromium: [true, true],
      webkit: [true, true],
    },
  },
  {
    name: 'ACAM *: reused by spec, Chromium and WebKit; Firefox compares a cached * literally',
    scenario: putScenario(
      {
        'Access-Control-Allow-Methods': '*',
        'Access-Control-Allow-Headers': '*',
        'Access-Control-Max-Age': '60',
      },
      {},
      {},
    ),
    expect: {
      spec: [true, false],
      chromium: [true, false],
      webkit: [true, false],
      firefox: [true, true],
    },
  },
  {
    name: 'Authorization through ACAH *: Chromium never gets a cache hit; WebKit does',
    scenario: {
      request: { headers: { Authorization: 'x' } },
      server: {
        preflight: {
          status: 204,
          headers: {
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Headers': '*',
            'Access-Control-Max-Age': '60',
          },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
      then: {},
    },
    expect: { chromium: [true, true], webkit: [true, false], firefox: [true, true] },
  },
  {
    name: 'HEAD with X-A: Firefox re-preflights unless ACAM lists HEAD',
    scenario: putScenario(
      { 'Access-Control-Allow-Headers': 'x-a', 'Access-Control-Max-Age': '60' },
      { request: { method: 'HEAD', headers: { 'X-A': '1' } } },
      {},
    ),
    expect: {
      spec: [true, false],
      chromium: [true, false],
      webkit: [true, false],
      firefox: [true, true],
    },
  },
  {
    name: "cache no-store / reload / no-cache bypass Chromium's preflight cache; Firefox's: no-store / reload",
    scenario: putScenario(
      { ...OK, 'Access-Control-Max-Age': '60' },
      {},
      { request: { cache: 'no-store' } },
      { request: { cache: 'reload' } },
      { request: { cache: 'no-cache' } },
      {},
    ),
    // no-store is not stored either, but reload and no-cache store: the last request hits.
    // Firefox bypasses on no-store and reload (LOAD_BYPASS_CACHE) but still stores.
    expect: {
      spec: [true, false, false, false, false],
      chromium: [true, true, true, true, false],
      firefox: [true, true, true, false, false],
    },
  },
  {
    name: 'XHR upload listener: a forced preflight is cached under the method only with ACAM',
    scenario: {
      request: { api: 'xhr', uploadListener: true },
      server: {
        preflight: {
          status: 204,
          headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Max-Age': '60' },
        },
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      },
      then: {},
    },
    // Spec: no ACAM, absentACAMAllowsForcedMethod off, so no GET entry: the forced preflight runs again. The engines
    // keep a result per URL and GET is safelisted there. (Chromium forces no preflight for
    // a body-less XHR at all: uploadListenerNeedsBody, request.test.ts.)
    expect: {
      spec: [true, true],
      chromium: [false, false],
      firefox: [true, false],
      webkit: [true, false],
    },
  },
];

const ENGINES: EngineProfile[] = [SPEC, CHROMIUM, FIREFOX, WEBKIT];

for (const row of ROWS) {
  for (const engine of ENGINES) {
    const want = row.expect[engine.name];
    if (want === undefined) continue;
    test(`${row.name} [${engine.name}]`, () => {
      expect(preflights(row.scenario, engine)).toEqual(want);
    });
  }
}

test('Chromium: Authorization through a cached * is a miss that names the preflightCacheShape knob', () => {
  const s = ROWS.find((r) => r.name.startsWith('Authorization through ACAH *'))?.scenario;
  if (s === undefined) throw new Error('row missing');
  const second = predict(s, { engine: CHROMIUM }).then;
  expect(second?.because.find((r) => r.step === '4.1')?.deviation).toBe('preflightCacheShape');
});

test('engine cache rules that changed the answer name the preflightCacheShape knob', () => {
  const s = ROWS.find((r) => r.name.startsWith('ACAM *'))?.scenario;
  if (s === undefined) throw new Error('row missing');
  const second = predict(s, { engine: FIREFOX }).then;
  expect(second?.because.some((r) => r.deviation === 'preflightCacheShape')).toBe(true);
  expect(predict(s, { engine: SPEC }).then?.because.some((r) => r.deviation !== undefined)).toBe(
    false,
  );
});

test('startTime is only an offset: predictions do not depend on it', () => {
  const s = putScenario(OK, {}, { delayMs: 4_000 });
  const a = predict(s, { engine: SPEC, startTime: 0 });
  const b = predict(s, { engine: SPEC, startTime: 1_700_000_000_000 });
  expect(b).toEqual(a);
});

// The cache value on its own.
const REQ: CacheRequest = {
  serializedOrigin: PAGE,
  untaintedOrigin: PAGE,
  url: 'http://example.net:4001/cors/model/0',
  method: 'PUT',
  credentialsMode: 'same-origin',
  cacheMode: 'default',
  useCORSPreflight: false,
  unsafeHeaderNames: ['x-a'],
};

test('store then lookup: covered until max-age passes; the input cache is not changed', () => {
  const stored = storePreflightResult(
    EMPTY_PREFLIGHT_CACHE,
    REQ,
    { methods: ['PUT'], headerNames: ['X-A'], maxAge: 10 },
    SPEC,
    1_000,
  );
  expect(EMPTY_PREFLIGHT_CACHE.entries).toHaveLength(0);
  expect(stored.entries).toHaveLength(2);
  expect(lookupPreflightCache(stored, REQ, SPEC, 10_999).needed).toBe(false);
  expect(lookupPreflightCache(stored, REQ, SPEC, 11_000).needed).toBe(true);
  expect(lookupPreflightCache(stored, { ...REQ, method: 'DELETE' }, SPEC, 2_000).needed).toBe(true);
  expect(
    lookupPreflightCache(stored, { ...REQ, unsafeHeaderNames: ['x-a', 'x-b'] }, SPEC, 2_000).needed,
  ).toBe(true);
});

test("a tainted request (origin null) does not use the page origin's entries, except in Chromium", () => {
  const tainted = { ...REQ, serializedOrigin: 'null' };
  for (const engine of [SPEC, FIREFOX, WEBKIT]) {
    const stored = storePreflightResult(
      EMPTY_PREFLIGHT_CACHE,
      REQ,
      { methods: ['PUT'], headerNames: ['x-a'], maxAge: 10 },
      engine,
      0,
    );
    expect(lookupPreflightCache(stored, tainted, engine, 1).needed).toBe(true);
  }
  const stored = storePreflightResult(
    EMPTY_PREFLIGHT_CACHE,
    REQ,
    { methods: ['PUT'], headerNames: ['x-a'], maxAge: 10 },
    CHROMIUM,
    0,
  );
  expect(lookupPreflightCache(stored, tainted, CHROMIUM, 1).needed).toBe(false);
});

test('a credentialed * entry is not a wildcard', () => {
  const cred = { ...REQ, credentialsMode: 'include' as const };
  const stored = storePreflightResult(
    EMPTY_PREFLIGHT_CACHE,
    cred,
    { methods: ['*'], headerNames: ['*'], maxAge: 10 },
    SPEC,
    0,
  );
  expect(lookupPreflightCache(stored, cred, SPEC, 1).needed).toBe(true);
});

test('Chromium: a lookup the result cannot satisfy deletes it', () => {
  const stored = storePreflightResult(
    EMPTY_PREFLIGHT_CACHE,
    REQ,
    { methods: ['PUT'], headerNames: ['x-a'], maxAge: 10 },
    CHROMIUM,
    0,
  );
  const miss = lookupPreflightCache(stored, { ...REQ, method: 'DELETE' }, CHROMIUM, 1);
  expect(miss.needed).toBe(true);
  expect(miss.deviation).toBeUndefined();
  expect(miss.cache.entries).toHaveLength(0);
  expect(lookupPreflightCache(stored, REQ, CHROMIUM, 1).needed).toBe(false);
});

test("clearCacheEntries removes only the request's (origin, URL)", () => {
  let c = storePreflightResult(
    EMPTY_PREFLIGHT_CACHE,
    REQ,
    { methods: ['PUT'], headerNames: [], maxAge: 10 },
    SPEC,
    0,
  );
  c = storePreflightResult(
    c,
    { ...REQ, url: `${REQ.url}?x=1` },
    { methods: ['PUT'], headerNames: [], maxAge: 10 },
    SPEC,
    0,
  );
  const cleared = clearCacheEntries(c, REQ, SPEC);
  expect(cleared.entries.map((e) => e.url)).toEqual([`${REQ.url}?x=1`]);
  expect(clearCacheEntries(c, REQ, WEBKIT)).toBe(c);
});
