// Redirects: same → cross, cross → cross (tainted `Origin: null`), back to the original
// origin, every redirect status with its method and body rules, userinfo in Location, the
// `manual` and `error` modes, the hop limit, a preflight answered with a redirect, a new
// preflight after the actual request was redirected, and `Authorization` dropped on a
// cross-origin hop.
import type { RedirectHop, Scenario } from '../../src/scenario/types.js';

const STAR = { 'Access-Control-Allow-Origin': '*' };
const EXACT = { 'Access-Control-Allow-Origin': '<origin>' };
const NULL_ORIGIN = { 'Access-Control-Allow-Origin': 'null' };
const STATUSES = [301, 302, 303, 307, 308] as const;
const ANCHORS = ['http-redirect-fetch', 'concept-main-fetch'];
const TAINT_ANCHORS = [
  'http-redirect-fetch',
  'concept-request-tainted-origin',
  'serializing-a-request-origin',
];

/** Every preflight along these chains is allowed (the request's own origin or `null`). */
const PREFLIGHT_ALLOW = {
  status: 204,
  headers: {
    'Access-Control-Allow-Origin': '<request-origin>',
    'Access-Control-Allow-Methods': 'PUT, POST, DELETE',
    'Access-Control-Allow-Headers': '<acrh>',
  },
};

/** `n` hops on alternating cross-origin roles, each answering with ACAO *. */
function hops(n: number): RedirectHop[] {
  return Array.from({ length: n }, (_, i) => ({
    status: 302,
    to: i % 2 === 0 ? 'cross-origin-2' : 'cross-origin',
    headers: STAR,
  }));
}

export const REDIRECTS_SCENARIOS = [
  // same → cross with every redirect status: a plain GET is followed everywhere.
  ...STATUSES.map(
    (status) =>
      ({
        id: `redirects/same-to-cross-get-${status}`,
        title: `GET example.com ${status} → example.net (ACAO *) → ok, Origin of the page`,
        anchors: ANCHORS,
        request: { method: 'GET', target: 'same-origin' },
        server: {
          redirects: [{ status, to: 'cross-origin' }],
          actual: { status: 200, headers: STAR },
        },
      }) satisfies Scenario,
  ),

  // Method and body rules, seen through the preflight at the cross-origin hop: 301/302 turn
  // POST into GET and 303 turns everything but GET/HEAD into GET, dropping the body and its
  // Content-Type; 307/308 keep both, so the JSON POST needs a preflight there.
  // The same through XHR (`xhr-` rows).
  ...(['fetch', 'xhr'] as const).flatMap((api) =>
    STATUSES.map(
      (status) =>
        ({
          id: `redirects/${api === 'xhr' ? 'xhr-' : ''}post-json-${status}`,
          title: `${api === 'xhr' ? 'XHR ' : ''}POST application/json example.com ${status} → example.net`,
          anchors: [...ANCHORS, 'cors-preflight-fetch-0'],
          request: {
            api,
            method: 'POST',
            target: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: '{}',
          },
          server: {
            redirects: [{ status, to: 'cross-origin' }],
            preflight: PREFLIGHT_ALLOW,
            actual: { status: 200, headers: STAR },
          },
        }) satisfies Scenario,
    ),
  ),
  ...STATUSES.map(
    (status) =>
      ({
        id: `redirects/put-${status}`,
        title: `PUT example.com ${status} → example.net: only 303 turns it into GET`,
        anchors: [...ANCHORS, 'cors-preflight-fetch-0'],
        request: { method: 'PUT', target: 'same-origin', body: 'x' },
        server: {
          redirects: [{ status, to: 'cross-origin' }],
          preflight: PREFLIGHT_ALLOW,
          actual: { status: 200, headers: STAR },
        },
      }) satisfies Scenario,
  ),
  ...(['fetch', 'xhr'] as const).flatMap((api) =>
    ([302, 307] as const).map(
      (status) =>
        ({
          id: `redirects/${api === 'xhr' ? 'xhr-' : ''}post-text-cross-${status}`,
          title: `${api === 'xhr' ? 'XHR ' : ''}POST text/plain example.net ${status} → example.org: no preflight, Origin null`,
          anchors: TAINT_ANCHORS,
          request: { api, method: 'POST', target: 'cross-origin', body: 'x' },
          server: {
            redirects: [{ status, to: 'cross-origin-2', headers: EXACT }],
            actual: { status: 200, headers: STAR },
          },
        }) satisfies Scenario,
    ),
  ),

  // cross → cross: the request is tainted; the last hop sees `Origin: null` and must allow
  // `null` or `*`; the page's own origin no longer matches.
  ...(
    [
      ['star', STAR],
      ['null', NULL_ORIGIN],
      ['page-origin', EXACT],
    ] as const
  ).flatMap(([short, headers]) =>
    ([302, 307] as const).map(
      (status) =>
        ({
          id: `redirects/cross-to-cross-${status}-acao-${short}`,
          title: `example.net ${status} → example.org answering ACAO ${short}`,
          anchors: TAINT_ANCHORS,
          request: { method: 'GET', target: 'cross-origin' },
          server: {
            redirects: [{ status, to: 'cross-origin-2', headers: EXACT }],
            actual: { status: 200, headers },
          },
        }) satisfies Scenario,
    ),
  ),
  {
    id: 'redirects/cross-to-cross-hop-without-acao',
    title: 'the redirect hop itself lacks ACAO → network error before following',
    anchors: ['http-redirect-fetch', 'concept-cors-check'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2' }],
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'redirects/cross-to-same-origin-host',
    title: 'example.net 302 → example.net (same origin hop): no taint, Origin stays the page',
    anchors: TAINT_ANCHORS,
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin', headers: EXACT }],
      actual: { status: 200, headers: EXACT },
    },
  },

  // Back to the original origin: A → B → A is tainted and stays cors.
  ...(
    [
      ['null', NULL_ORIGIN],
      ['page-origin', EXACT],
    ] as const
  ).map(
    ([short, headers]) =>
      ({
        id: `redirects/back-home-acao-${short}`,
        title: `example.com → example.net (302) → example.com answering ACAO ${short}`,
        anchors: TAINT_ANCHORS,
        request: { method: 'GET', target: 'same-origin' },
        server: {
          redirects: [
            { status: 302, to: 'cross-origin' },
            { status: 302, to: 'same-origin', headers: EXACT },
          ],
          actual: { status: 200, headers },
        },
      }) satisfies Scenario,
  ),
  {
    id: 'redirects/cross-to-page-origin-acao-null',
    title: 'example.net (302) → example.com: Origin null at the page origin, ACAO null ok',
    anchors: TAINT_ANCHORS,
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'same-origin', headers: EXACT }],
      actual: { status: 200, headers: NULL_ORIGIN },
    },
  },
  {
    id: 'redirects/cross-to-page-origin-no-acao',
    title: 'example.net (302) → example.com without ACAO: a cors request, so a network error',
    anchors: TAINT_ANCHORS,
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'same-origin', headers: EXACT }],
      actual: { status: 200 },
    },
  },
  {
    id: 'redirects/same-to-same-site',
    title: 'example.com (302) → sub.example.com: cors from the second hop, Origin of the page',
    anchors: ANCHORS,
    request: { method: 'GET', target: 'same-origin' },
    server: {
      redirects: [{ status: 302, to: 'same-site' }],
      actual: { status: 200, headers: EXACT },
    },
  },

  // Userinfo in Location: refused for a cors request leaving its origin, and for any cors
  // tainted request; fine while the request stays same-origin, and in no-cors.
  ...(
    [
      ['same-to-cross', 'same-origin', 'cross-origin', 'cors'],
      ['same-to-same', 'same-origin', 'same-origin', 'cors'],
      ['cross-to-same', 'cross-origin', 'same-origin', 'cors'],
      ['cross-to-cross', 'cross-origin', 'cross-origin-2', 'cors'],
      ['no-cors-cross', 'same-origin', 'cross-origin', 'no-cors'],
    ] as const
  ).map(
    ([short, from, to, mode]) =>
      ({
        id: `redirects/userinfo-${short}`,
        title: `Location with user:pass@, ${from} → ${to}, mode ${mode}`,
        anchors: ['http-redirect-fetch'],
        request: { method: 'GET', target: from, mode },
        server: {
          redirects: [{ status: 302, to, userinfo: 'user:pass', headers: STAR }],
          actual: { status: 200, headers: STAR },
        },
      }) satisfies Scenario,
  ),

  // Redirect modes: `manual` gives an opaque-redirect response (after the hop's CORS check
  // for a cors-tainted request); `error` a network error.
  ...(
    [
      ['manual-cross', 'cross-origin', 'manual', STAR],
      ['manual-cross-no-acao', 'cross-origin', 'manual', {}],
      ['manual-same', 'same-origin', 'manual', {}],
      ['error-cross', 'cross-origin', 'error', STAR],
      ['error-same', 'same-origin', 'error', {}],
    ] as const
  ).map(
    ([short, target, redirect, headers]) =>
      ({
        id: `redirects/mode-${short}`,
        title: `redirect '${redirect}' on a 302 from ${target}`,
        anchors: ['http-redirect-fetch', 'concept-filtered-response-opaque-redirect'],
        request: { method: 'GET', target, redirect },
        server: {
          redirects: [{ status: 302, to: 'cross-origin-2', headers }],
          actual: { status: 200, headers: STAR },
        },
      }) satisfies Scenario,
  ),

  // The hop limit: 20 redirects are followed, the 21st is a network error.
  {
    id: 'redirects/hop-limit-20',
    title: '20 cross-origin redirects → ok',
    anchors: ['http-redirect-fetch'],
    request: { method: 'GET', target: 'cross-origin' },
    server: { redirects: hops(20), actual: { status: 200, headers: STAR } },
  },
  {
    id: 'redirects/hop-limit-21',
    title: '21 redirects → network error',
    anchors: ['http-redirect-fetch'],
    request: { method: 'GET', target: 'cross-origin' },
    server: { redirects: hops(21), actual: { status: 200, headers: STAR } },
  },

  // A preflight answered with a redirect fails (not an ok status); its twin answers 204.
  ...([204, 302, 307] as const).map(
    (status) =>
      ({
        id: `redirects/preflight-status-${status}`,
        title: `PUT whose preflight is answered ${status}`,
        anchors: ['cors-preflight-fetch-0', 'ok-status'],
        request: { method: 'PUT', target: 'cross-origin' },
        server: {
          preflight: {
            status,
            headers: {
              ...EXACT,
              'Access-Control-Allow-Methods': 'PUT',
              ...(status === 204 ? {} : { Location: '/elsewhere' }),
            },
          },
          actual: { status: 200, headers: EXACT },
        },
      }) satisfies Scenario,
  ),

  // After the actual request is redirected, the next URL gets its own preflight (with the
  // tainted origin once the hop crossed origins).
  {
    id: 'redirects/preflight-again-after-307',
    title:
      'PUT + X-Token: preflight example.net, PUT 307 → example.org, preflight example.org, PUT',
    anchors: ['http-redirect-fetch', 'cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'cross-origin', headers: { 'X-Token': '1' } },
    server: {
      redirects: [
        { status: 307, to: 'cross-origin-2', headers: EXACT, preflight: PREFLIGHT_ALLOW },
      ],
      preflight: PREFLIGHT_ALLOW,
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'redirects/preflight-again-after-307-denied',
    title: 'the same chain, example.org denies the preflight → no PUT at example.org',
    anchors: ['http-redirect-fetch', 'cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'cross-origin', headers: { 'X-Token': '1' } },
    server: {
      redirects: [
        { status: 307, to: 'cross-origin-2', headers: EXACT, preflight: PREFLIGHT_ALLOW },
      ],
      preflight: { status: 204, headers: STAR },
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'redirects/preflight-after-same-origin-hop',
    title: 'PUT example.com 307 → example.net: the first preflight is at example.net',
    anchors: ['http-redirect-fetch', 'cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'same-origin', headers: { 'X-Token': '1' } },
    server: {
      redirects: [{ status: 307, to: 'cross-origin' }],
      preflight: PREFLIGHT_ALLOW,
      actual: { status: 200, headers: EXACT },
    },
  },

  // Authorization is removed on a cross-origin hop, so it no longer calls for a preflight;
  // the twin uses X-Token, which stays and is preflighted.
  ...(
    [
      ['authorization', 'Authorization', 'Bearer t'],
      ['x-token', 'X-Token', 't'],
    ] as const
  ).flatMap(([short, name, value]) => [
    {
      id: `redirects/${short}-same-to-cross`,
      title: `${name} on GET example.com 302 → example.net`,
      anchors: ['http-redirect-fetch', 'cors-unsafe-request-header-names'],
      request: { method: 'GET', target: 'same-origin', headers: { [name]: value } },
      server: {
        redirects: [{ status: 302, to: 'cross-origin' }],
        preflight: PREFLIGHT_ALLOW,
        actual: { status: 200, headers: STAR },
      },
    } satisfies Scenario,
    {
      id: `redirects/${short}-cross-to-cross`,
      title: `${name} on GET example.net 302 → example.org: preflight at example.net, then?`,
      anchors: ['http-redirect-fetch', 'cors-unsafe-request-header-names'],
      request: { method: 'GET', target: 'cross-origin', headers: { [name]: value } },
      server: {
        redirects: [
          { status: 302, to: 'cross-origin-2', headers: EXACT, preflight: PREFLIGHT_ALLOW },
        ],
        preflight: PREFLIGHT_ALLOW,
        actual: { status: 200, headers: STAR },
      },
    } satisfies Scenario,
    {
      id: `redirects/${short}-cross-to-same-host`,
      title: `${name} on GET example.net 302 → example.net: kept on a same-origin hop`,
      anchors: ['http-redirect-fetch', 'cors-unsafe-request-header-names'],
      request: { method: 'GET', target: 'cross-origin', headers: { [name]: value } },
      server: {
        redirects: [
          { status: 302, to: 'cross-origin', headers: EXACT, preflight: PREFLIGHT_ALLOW },
        ],
        preflight: PREFLIGHT_ALLOW,
        actual: { status: 200, headers: EXACT },
      },
    } satisfies Scenario,
  ]),

  // A redirect status without Location is not followed; other 3xx are final responses.
  ...([300, 305, 306] as const).map(
    (status) =>
      ({
        id: `redirects/not-a-redirect-${status}`,
        title: `status ${status} with a Location is not followed`,
        anchors: ['redirect-status', 'http-redirect-fetch'],
        request: { method: 'GET', target: 'cross-origin' },
        server: {
          redirects: [{ status, to: 'cross-origin-2', headers: STAR }],
          actual: { status: 200, headers: STAR },
        },
      }) satisfies Scenario,
  ),
  {
    id: 'redirects/302-no-location',
    title: 'a 302 hop without Location is the response (status 302)',
    anchors: ['http-redirect-fetch'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', headers: STAR, noLocation: true }],
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'redirects/302-no-location-error-mode',
    title: "redirect 'error' and a 302 without Location: a redirect status is a network error",
    anchors: ['concept-http-fetch', 'http-redirect-fetch'],
    request: { method: 'GET', target: 'cross-origin', redirect: 'error' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', headers: STAR, noLocation: true }],
      actual: { status: 200, headers: STAR },
    },
  },

  // A redirect to a data: URL is a network error in every mode (HTTP-redirect fetch step 6:
  // only HTTP(S) locations); `manual` returns the opaque redirect without reading Location.
  ...(['cors', 'no-cors', 'same-origin'] as const).map(
    (mode) =>
      ({
        id: `redirects/to-data-url-${mode}`,
        title: `mode ${mode}: example.com 302 → data: URL is a network error`,
        anchors: ['http-redirect-fetch'],
        request: { method: 'GET', target: 'same-origin', mode },
        server: { redirects: [{ status: 302, to: 'data:text/plain,hello' }] },
      }) satisfies Scenario,
  ),
  {
    id: 'redirects/to-data-url-cross-cors',
    title: 'example.net 307 (ACAO *) → data: URL is a network error',
    anchors: ['http-redirect-fetch'],
    request: { method: 'GET', target: 'cross-origin' },
    server: { redirects: [{ status: 307, to: 'data:text/plain,hello', headers: STAR }] },
  },
  {
    id: 'redirects/to-data-url-manual',
    title: "redirect 'manual': the 302 to a data: URL is an opaque redirect",
    anchors: ['concept-http-fetch'],
    request: { method: 'GET', target: 'same-origin', redirect: 'manual' },
    server: { redirects: [{ status: 302, to: 'data:text/plain,hello' }] },
  },

  // Headers and methods across a redirect that leaves the page origin.
  {
    id: 'redirects/client-hint-same-to-cross',
    title: 'dpr: "x y" (not safelisted) example.com 301 → example.net: preflighted there',
    anchors: [...ANCHORS, 'cors-safelisted-request-header'],
    request: { method: 'GET', target: 'same-origin', headers: { dpr: 'x y' } },
    server: {
      redirects: [{ status: 301, to: 'cross-origin' }],
      preflight: PREFLIGHT_ALLOW,
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'redirects/delete-307-same-to-cross',
    title: 'DELETE example.com 307 → example.net: still DELETE, preflighted there',
    anchors: [...ANCHORS, 'cors-preflight-fetch-0'],
    request: { method: 'DELETE', target: 'same-origin' },
    server: {
      redirects: [{ status: 307, to: 'cross-origin' }],
      preflight: PREFLIGHT_ALLOW,
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'redirects/post-303-same-to-same',
    title: 'POST example.com 303 → example.com: a same-origin GET without Origin',
    anchors: [...ANCHORS, 'append-a-request-origin-header'],
    request: { method: 'POST', target: 'same-origin', body: 'x' },
    server: { redirects: [{ status: 303, to: 'same-origin' }], actual: { status: 200 } },
  },
  {
    id: 'redirects/no-cors-post-307-same-to-same-site',
    title: 'no-cors POST example.com 307 → sub.example.com: the page Origin (not tainted)',
    anchors: TAINT_ANCHORS,
    request: { method: 'POST', target: 'same-origin', mode: 'no-cors', body: 'x' },
    server: { redirects: [{ status: 307, to: 'same-site' }], actual: { status: 200 } },
  },
  {
    id: 'redirects/no-cors-post-no-referrer-308-cross',
    title: "no-cors POST, referrerPolicy 'no-referrer', example.com 308 → example.net: Origin null",
    anchors: [...TAINT_ANCHORS, 'append-a-request-origin-header'],
    request: {
      method: 'POST',
      target: 'same-origin',
      mode: 'no-cors',
      body: 'x',
      referrerPolicy: 'no-referrer',
    },
    server: { redirects: [{ status: 308, to: 'cross-origin' }], actual: { status: 200 } },
  },

  // A same-origin rewrite to GET through XHR.
  {
    id: 'redirects/xhr-post-301-same-to-same',
    title: 'XHR POST example.com 301 → example.com: a same-origin GET without Origin',
    anchors: ['the-send', 'http-redirect-fetch', 'append-a-request-origin-header'],
    request: { api: 'xhr', method: 'POST', target: 'same-origin', body: 'x' },
    server: { redirects: [{ status: 301, to: 'same-origin' }], actual: { status: 200 } },
  },
] satisfies Scenario[];
