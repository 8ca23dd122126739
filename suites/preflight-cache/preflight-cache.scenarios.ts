// The CORS-preflight cache, observed along `then` chains (a follow-up to the same URL, with
// or without a delay): how Access-Control-Max-Age is read (absent, 0, negative, blank,
// malformed, large, over each engine's cap), expiry over time with 1-3 s lifetimes, what
// the cache key includes (URL, credentials), which methods and headers a cached entry
// covers, and a failure clearing the entries of its URL.
import type { HeadersInit, Scenario, ThenStep } from '../../src/scenario/types.js';

const ANCHORS = ['cors-preflight-cache', 'cors-preflight-fetch-0', 'concept-cache-match'];
const EXACT = { 'Access-Control-Allow-Origin': '<origin>' };
const ACAC = { 'Access-Control-Allow-Credentials': 'true' };

/** A PUT whose preflight allows it with the given extra preflight headers, then `then`. */
function putRow(
  short: string,
  title: string,
  preflightHeaders: HeadersInit,
  then: ThenStep = {},
): Scenario {
  const base: [string, string][] = [
    ['Access-Control-Allow-Origin', '<origin>'],
    ['Access-Control-Allow-Methods', 'PUT'],
  ];
  const extra: [string, string][] = Array.isArray(preflightHeaders)
    ? preflightHeaders
    : Object.entries(preflightHeaders).flatMap(([n, v]) =>
        (Array.isArray(v) ? v : [v]).map((one): [string, string] => [n, one]),
      );
  return {
    id: `preflight-cache/${short}`,
    title,
    anchors: ANCHORS,
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: { status: 204, headers: [...base, ...extra] },
      actual: { status: 200, headers: EXACT },
    },
    then,
  };
}

/** Max-age values and how each is written; a second PUT right after shows whether it cached. */
const MAX_AGES: [string, string[] | null][] = [
  ['absent', null],
  ['0', ['0']],
  ['negative', ['-1']],
  ['blank', ['']],
  ['spaces', ['  ']],
  ['5', ['5']],
  ['60', ['60']],
  ['leading-zero', ['05']],
  ['plus', ['+5']],
  ['decimal', ['1.5']],
  ['unit', ['5s']],
  ['exponent', ['1e3']],
  ['word', ['abc']],
  ['repeated', ['5', '5']],
  ['list', ['5, 5']],
  ['600-webkit-cap', ['600']],
  ['601-over-webkit-cap', ['601']],
  ['7200-chromium-cap', ['7200']],
  ['7201-over-chromium-cap', ['7201']],
  ['86400-firefox-cap', ['86400']],
  ['86401-over-firefox-cap', ['86401']],
  ['huge', ['99999999999999999999']],
];

export const PREFLIGHT_CACHE_SCENARIOS = [
  // Access-Control-Max-Age parsing: is the second PUT, right after, preflighted again?
  ...MAX_AGES.map(([short, values]) =>
    putRow(
      `max-age-${short}`,
      values === null
        ? 'no max-age: 5 s default, the next PUT reuses it'
        : `max-age ${values.map((v) => JSON.stringify(v)).join(' + ')}: the next PUT`,
      values === null ? [] : values.map((v): [string, string] => ['Access-Control-Max-Age', v]),
    ),
  ),

  // Expiry over time: short lifetimes, follow-ups a little before and after.
  putRow(
    'expiry-1s-after-2s',
    'max-age 1, next PUT 2 s later → preflighted again',
    {
      'Access-Control-Max-Age': '1',
    },
    { delayMs: 2000 },
  ),
  putRow(
    'expiry-3s-after-1s',
    'max-age 3, next PUT 1 s later → cached',
    {
      'Access-Control-Max-Age': '3',
    },
    { delayMs: 1000 },
  ),
  putRow(
    'expiry-2s-twice',
    'max-age 2: at +1 s cached, at +2.5 s expired',
    {
      'Access-Control-Max-Age': '2',
    },
    { delayMs: 1000, then: { delayMs: 1500 } },
  ),
  putRow(
    'expiry-default-after-6s',
    'no max-age (5 s): next PUT 6 s later → preflighted again',
    [],
    {
      delayMs: 6000,
    },
  ),
  putRow('expiry-default-after-1s', 'no max-age (5 s): next PUT 1 s later → cached', [], {
    delayMs: 1000,
  }),

  // The key: another URL (a different query) is another entry.
  putRow(
    'key-url',
    'a PUT to another URL (query) is preflighted',
    { 'Access-Control-Max-Age': '60' },
    {
      request: { query: 'other' },
    },
  ),
  putRow('key-same-url', 'the same PUT again (twin) is not', { 'Access-Control-Max-Age': '60' }),
  {
    // The spec turns a conditional request's cache mode to no-store for the HTTP cache only,
    // after the preflight: the preflight result is cached as for any other request.
    id: 'preflight-cache/conditional-header-again',
    title: 'a GET with If-None-Match again: the cached preflight result covers it',
    anchors: [...ANCHORS, 'concept-http-network-or-cache-fetch'],
    request: { method: 'GET', target: 'cross-origin', headers: { 'If-None-Match': '"e"' } },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Headers': 'if-none-match',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: {},
  },
  {
    // The query goes on with the redirect: the cross-origin URL it reaches is another entry.
    id: 'preflight-cache/key-url-after-redirect',
    title: 'a redirected PUT again with another query: the query goes on, so it is preflighted',
    anchors: [...ANCHORS, 'http-redirect-fetch'],
    request: { method: 'PUT', target: 'same-origin' },
    server: {
      redirects: [{ status: 307, to: 'cross-origin' }],
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: { request: { query: 'other' } },
  },

  // The key: credentials. A non-credentialed entry does not serve a credentialed request; a
  // credentialed entry serves both in the spec.
  {
    id: 'preflight-cache/key-uncredentialed-then-credentialed',
    title: 'entry from an uncredentialed PUT; a credentialed PUT preflights again',
    anchors: ANCHORS,
    request: { method: 'PUT', target: 'cross-origin', credentials: 'same-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          ...ACAC,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: { ...EXACT, ...ACAC } },
    },
    then: { request: { credentials: 'include' } },
  },
  {
    id: 'preflight-cache/key-credentialed-then-uncredentialed',
    title: 'entry from a credentialed PUT; an uncredentialed PUT reuses it',
    anchors: ANCHORS,
    request: { method: 'PUT', target: 'cross-origin', credentials: 'include' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          ...ACAC,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: { ...EXACT, ...ACAC } },
    },
    then: { request: { credentials: 'same-origin' } },
  },

  // Method coverage of a cached entry.
  putRow(
    'method-not-covered',
    'ACAM PUT cached; a DELETE is preflighted',
    { 'Access-Control-Max-Age': '60' },
    {
      request: { method: 'DELETE' },
    },
  ),
  {
    ...putRow(
      'method-listed',
      'ACAM "PUT, DELETE" cached; a DELETE reuses it',
      {},
      {
        request: { method: 'DELETE' },
      },
    ),
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Methods': 'PUT, DELETE',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
  },
  {
    ...putRow(
      'method-star',
      'ACAM * cached (no credentials); a DELETE',
      {},
      {
        request: { method: 'DELETE' },
      },
    ),
    server: {
      preflight: {
        status: 204,
        headers: { ...EXACT, 'Access-Control-Allow-Methods': '*', 'Access-Control-Max-Age': '60' },
      },
      actual: { status: 200, headers: EXACT },
    },
  },
  {
    id: 'preflight-cache/method-head',
    title: 'HEAD with X-Token (no ACAM) cached; the same HEAD again',
    anchors: ANCHORS,
    request: { method: 'HEAD', target: 'cross-origin', headers: { 'X-Token': '1' } },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Headers': 'x-token',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: {},
  },

  // Header coverage of a cached entry.
  ...(
    [
      ['header-not-covered', 'x-a', 'ACAH x-a cached; a GET with X-B is preflighted'],
      ['header-listed', 'x-a, x-b', 'ACAH "x-a, x-b" cached; a GET with X-B reuses it'],
      ['header-star', '*', 'ACAH * cached (no credentials); a GET with X-B'],
    ] as const
  ).map(
    ([short, acah, title]) =>
      ({
        id: `preflight-cache/${short}`,
        title,
        anchors: ANCHORS,
        request: { method: 'GET', target: 'cross-origin', headers: { 'X-A': '1' } },
        server: {
          preflight: {
            status: 204,
            headers: {
              ...EXACT,
              'Access-Control-Allow-Headers': acah,
              'Access-Control-Max-Age': '60',
            },
          },
          actual: { status: 200, headers: EXACT },
        },
        then: { request: { headers: { 'X-A': null, 'X-B': '1' } } },
      }) satisfies Scenario,
  ),
  {
    id: 'preflight-cache/header-authorization-star',
    title: 'ACAH * cached; the same GET with Authorization again',
    anchors: ANCHORS,
    request: { method: 'GET', target: 'cross-origin', headers: { Authorization: 'Bearer t' } },
    server: {
      preflight: {
        status: 204,
        headers: { ...EXACT, 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '60' },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: {},
  },
  {
    id: 'preflight-cache/safelisted-after-cached',
    title: 'after a cached PUT, a simple GET to the URL has no preflight anyway',
    anchors: ANCHORS,
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: { request: { method: 'GET' } },
  },

  // A failure clears the URL's entries: after a failing request, the first PUT again.
  {
    id: 'preflight-cache/failure-clears',
    title: 'PUT cached, a PUT with X-B fails its preflight, the plain PUT preflights again',
    anchors: [...ANCHORS, 'concept-cache-clear'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: { request: { headers: { 'X-B': '1' } }, then: {} },
  },
  {
    id: 'preflight-cache/no-failure-keeps',
    title: 'twin: PUT cached, a DELETE (other URL) fails, the plain PUT reuses the entry',
    anchors: ANCHORS,
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: { request: { method: 'DELETE', query: 'other' }, then: { request: { query: '' } } },
  },
  {
    id: 'preflight-cache/credentialed-failure-clears',
    title: 'PUT cached, a credentialed PUT fails (no ACAC), the plain PUT preflights again',
    anchors: [...ANCHORS, 'concept-cache-clear'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...EXACT,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: EXACT },
    },
    then: {
      request: { credentials: 'include' },
      then: { request: { credentials: 'same-origin' } },
    },
  },

  // The request's cache mode: no bearing on the preflight cache in the spec.
  ...(['no-store', 'reload', 'no-cache', 'force-cache'] as const).map((cache) =>
    putRow(
      `cache-mode-${cache}`,
      `PUT cached; the next PUT with cache '${cache}'`,
      {
        'Access-Control-Max-Age': '60',
      },
      { request: { cache } },
    ),
  ),
  // A preflight made under cache 'no-store', then a default-mode PUT: the spec caches the
  // first preflight's result whatever the cache mode.
  {
    ...putRow(
      'cache-mode-no-store-then-default',
      "PUT with cache 'no-store' preflighted; the next PUT (default) reuses the result",
      { 'Access-Control-Max-Age': '60' },
      { request: { cache: 'default' } },
    ),
    request: { method: 'PUT', target: 'cross-origin', cache: 'no-store' },
  },
] satisfies Scenario[];
