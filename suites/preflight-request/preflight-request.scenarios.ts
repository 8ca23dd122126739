// Area 3, the preflight request itself: its `Access-Control-Request-Method` (the normalized
// method, byte-exact), its `Access-Control-Request-Headers` (lowercase, byte-sorted,
// duplicate-free, comma-joined without spaces, safelisted names left out, absent when empty),
// and the `Origin` the request carries. The server echoes ACRM/ACRH back, so the journal's
// values decide; each row whose preflight header is the point has a twin whose server lists
// the expected value literally, and one listing a near miss (network error, no actual request).
import type {
  ClientKind,
  HeadersInit,
  Scenario,
  ScenarioRequest,
  ScenarioServer,
} from '../../src/scenario/types.js';

const ANCHORS = ['cors-preflight-fetch-0'];

/** Allows whatever the preflight asks for (echo). */
const ECHO: ScenarioServer = {
  preflight: {
    status: 204,
    headers: [
      ['Access-Control-Allow-Origin', '<origin>'],
      ['Access-Control-Allow-Methods', '<acrm>'],
      ['Access-Control-Allow-Headers', '<acrh>'],
    ],
  },
  actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
};

/** Allows exactly the listed method and header names (literal, no echo). */
function literal(methods: string, headers?: string): ScenarioServer {
  const pre: [string, string][] = [
    ['Access-Control-Allow-Origin', '<origin>'],
    ['Access-Control-Allow-Methods', methods],
  ];
  if (headers !== undefined) pre.push(['Access-Control-Allow-Headers', headers]);
  return {
    preflight: { status: 204, headers: pre },
    actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
  };
}

function row(
  name: string,
  title: string,
  request: ScenarioRequest,
  server: ScenarioServer,
  anchors: string[] = [],
  client?: ClientKind,
): Scenario {
  return {
    id: `preflight-request/${name}`,
    title,
    anchors: [...ANCHORS, ...anchors],
    ...(client === undefined ? {} : { client }),
    request: { target: 'cross-origin', ...request },
    server,
  };
}

// ACRM: the method after normalization, byte for byte. Each method appears with the echo
// server, with ACAM naming it literally (ok), and with ACAM naming a case variant (denied).
const ACRM_CASES: [name: string, method: string, exact: string, nearMiss: string][] = [
  ['put-lower', 'put', 'PUT', 'put'],
  ['delete-mixed', 'DeLeTe', 'DELETE', 'delete'],
  ['patch-lower', 'patch', 'patch', 'PATCH'],
  ['patch-upper', 'PATCH', 'PATCH', 'patch'],
  ['custom', 'Foo-Bar', 'Foo-Bar', 'FOO-BAR'],
];
const ACRM_ROWS = ACRM_CASES.flatMap(([name, method, exact, nearMiss]) => [
  row(`acrm-${name}`, `method '${method}' → ACRM ${exact}`, { method }, ECHO, [
    'concept-method-normalize',
  ]),
  row(
    `acrm-${name}-literal`,
    `method '${method}', ACAM ${exact} → allowed`,
    { method },
    literal(exact),
    ['concept-method-normalize'],
  ),
  row(
    `acrm-${name}-near-miss`,
    `method '${method}', ACAM ${nearMiss} only → denied, no actual request`,
    { method },
    literal(nearMiss),
    ['concept-method-normalize'],
  ),
]);

// A safelisted method can still be preflighted (unsafe header): ACRM names it anyway.
const SAFE_METHOD_ROWS = (['GET', 'HEAD', 'POST'] as const).map((method) =>
  row(
    `acrm-safelisted-${method.toLowerCase()}`,
    `${method} with X-Foo → ACRM ${method}, ACRH x-foo`,
    { method, headers: { 'X-Foo': '1' } },
    ECHO,
    ['cors-safelisted-method'],
  ),
);

// ACRH: format and order.
const h = (...pairs: [string, string][]): HeadersInit => pairs;
const ACRH_CASES: [name: string, title: string, headers: HeadersInit, literalList: string][] = [
  ['sorted', 'X-B then X-A → x-a,x-b', h(['X-B', '1'], ['X-A', '1']), 'x-a, x-b'],
  ['deduped', 'X-A appended twice → x-a once', h(['X-A', '1'], ['X-A', '2']), 'x-a'],
  ['case-folded', 'X-Foo and x-foo → x-foo', h(['X-Foo', '1'], ['x-foo', '2']), 'X-FOO'],
  [
    'byte-order',
    'X-a, X-_, X-0, X-- → x--,x-0,x-_,x-a (byte order)',
    h(['X-a', '1'], ['X-_', '1'], ['X-0', '1'], ['X--', '1']),
    'x-a,x-_,x-0,x--',
  ],
  [
    'token-chars',
    'names with token symbols (!a, x|y, x~) sort by byte',
    h(['x~', '1'], ['x|y', '1'], ['!a', '1']),
    '!a,x|y,x~',
  ],
  [
    'safelisted-left-out',
    'Accept, Content-Language and X-Foo → x-foo only',
    h(['Accept', '*/*'], ['Content-Language', 'en'], ['X-Foo', '1']),
    'x-foo',
  ],
  [
    'unsafe-content-type',
    'Content-Type application/json and X-Foo → content-type,x-foo',
    h(['X-Foo', '1'], ['Content-Type', 'application/json']),
    'x-foo,content-type',
  ],
  [
    'authorization',
    'Authorization and X-Foo → authorization,x-foo',
    h(['X-Foo', '1'], ['Authorization', 'Bearer t']),
    'Authorization, X-Foo',
  ],
  ['empty-value', 'X-Empty with an empty value → x-empty', h(['X-Empty', '']), 'x-empty'],
  [
    'many',
    'ten custom headers in reverse order → sorted list',
    h(...Array.from({ length: 10 }, (_, i): [string, string] => [`X-H${9 - i}`, String(i)])),
    Array.from({ length: 10 }, (_, i) => `x-h${i}`).join(','),
  ],
  [
    'long-name',
    'a 60-byte header name → named in full',
    h([`X-${'n'.repeat(58)}`, '1']),
    `x-${'n'.repeat(58)}`,
  ],
];
const ACRH_ROWS = ACRH_CASES.flatMap(([name, title, headers, literalList]) => [
  row(`acrh-${name}`, title, { method: 'GET', headers }, ECHO, [
    'cors-unsafe-request-header-names',
    'convert-header-names-to-a-sorted-lowercase-set',
  ]),
  row(
    `acrh-${name}-literal`,
    `${title}; ACAH lists them literally → allowed`,
    { method: 'GET', headers },
    literal('GET', literalList),
    ['cors-unsafe-request-header-names'],
  ),
]);
// Near misses: ACAH lacks one of the names the preflight asked about.
const ACRH_NEAR_MISS_ROWS = [
  row(
    'acrh-sorted-one-missing',
    'X-B and X-A, ACAH lists x-a only → denied',
    { method: 'GET', headers: h(['X-B', '1'], ['X-A', '1']) },
    literal('GET', 'x-a'),
    ['cors-unsafe-request-header-names'],
  ),
  row(
    'acrh-unsafe-content-type-missing',
    'Content-Type application/json, ACAH x-foo only → denied',
    {
      method: 'POST',
      body: '{}',
      headers: h(['X-Foo', '1'], ['Content-Type', 'application/json']),
    },
    literal('POST', 'x-foo'),
    ['cors-unsafe-request-header-names'],
  ),
];

// No unsafe header: ACRH is absent (the method alone triggered the preflight).
const NO_ACRH_ROWS = [
  row('acrh-absent-method-only', 'PUT without headers → no ACRH', { method: 'PUT' }, ECHO),
  row(
    'acrh-absent-safelisted-only',
    'PUT with Accept and Content-Language only → no ACRH',
    { method: 'PUT', headers: h(['Accept', 'text/plain'], ['Content-Language', 'en']) },
    literal('PUT'),
    ['cors-safelisted-request-header'],
  ),
];

// XMLHttpRequest: setRequestHeader calls give the same ACRH.
const XHR_ROWS = [
  row(
    'xhr-acrh-sorted',
    'XHR with X-B then X-A → x-a,x-b',
    { api: 'xhr', method: 'GET', headers: h(['X-B', '1'], ['X-A', '1']) },
    ECHO,
    ['cors-unsafe-request-header-names'],
  ),
  row(
    'xhr-acrm-patch-lower',
    "XHR open('patch') → ACRM patch",
    { api: 'xhr', method: 'patch' },
    ECHO,
    ['concept-method-normalize'],
  ),
  row(
    'xhr-upload-listener-no-headers',
    'XHR POST with an upload listener → ACRM POST, no ACRH',
    { api: 'xhr', method: 'POST', body: 'x', uploadListener: true },
    ECHO,
    ['the-send'],
  ),
];

// Origin: the actual request after a preflight carries the serialized client origin;
// opaque-origin clients send `null` (and need ACAO null on both responses).
const ORIGIN_ROWS = [
  row('origin-page', 'PUT from the page → Origin is the page origin', { method: 'PUT' }, ECHO, [
    'append-a-request-origin-header',
    'serializing-a-request-origin',
  ]),
  row(
    'origin-same-site-target',
    'PUT to a same-site origin → still a full CORS preflight',
    { method: 'PUT', target: 'same-site' },
    ECHO,
    ['append-a-request-origin-header'],
  ),
  row(
    'origin-sandboxed',
    'PUT from a sandboxed iframe → Origin null, ACAO <origin> (null) allows',
    { method: 'PUT' },
    ECHO,
    ['append-a-request-origin-header', 'ascii-serialisation-of-an-origin'],
    'opaque-origin',
  ),
  row(
    'origin-sandboxed-page-origin-denied',
    'PUT from a sandboxed iframe, ACAO names the parent page origin → denied',
    { method: 'PUT', target: 'cross-origin' },
    {
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', 'http://<host>'],
          ['Access-Control-Allow-Methods', 'PUT'],
        ],
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://<host>' } },
    },
    ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
    'opaque-origin',
  ),
];

// Credentials: the preflight itself never carries the cookie; the actual request does.
// (The verdict compares the cookie on actual requests only; see the report for the field a
// preflight-side check would need.)
const CREDENTIAL_ROWS: Scenario[] = [
  {
    id: 'preflight-request/credentials-include-cookie-on-actual',
    title: 'credentialed PUT to a same-site origin: preflight, then the PUT with the cookie',
    anchors: [...ANCHORS, 'concept-http-network-or-cache-fetch'],
    request: { method: 'PUT', target: 'same-site', credentials: 'include' },
    setup: { cookies: [{ on: 'same-site', name: 'sapf', value: '1', attributes: 'Path=/' }] },
    server: {
      preflight: {
        status: 204,
        headers: [
          ['Access-Control-Allow-Origin', '<origin>'],
          ['Access-Control-Allow-Credentials', 'true'],
          ['Access-Control-Allow-Methods', 'PUT'],
        ],
      },
      actual: {
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', '<origin>'],
          ['Access-Control-Allow-Credentials', 'true'],
        ],
      },
    },
  },
  {
    id: 'preflight-request/credentials-omit-no-cookie',
    title: "PUT with credentials 'omit' to a same-site origin: no cookie on the PUT",
    anchors: [...ANCHORS, 'concept-http-network-or-cache-fetch'],
    request: { method: 'PUT', target: 'same-site', credentials: 'omit' },
    setup: { cookies: [{ on: 'same-site', name: 'sapf', value: '1', attributes: 'Path=/' }] },
    server: literal('PUT'),
  },
];

export const PREFLIGHT_REQUEST_SCENARIOS = [
  ...ACRM_ROWS,
  ...SAFE_METHOD_ROWS,
  ...ACRH_ROWS,
  ...ACRH_NEAR_MISS_ROWS,
  ...NO_ACRH_ROWS,
  ...XHR_ROWS,
  ...ORIGIN_ROWS,
  ...CREDENTIAL_ROWS,
] satisfies Scenario[];
