// Area 4, the preflight response: its status must be ok (200-299, never followed when 3xx),
// it must pass the CORS check with the actual request's credentials mode, and
// Access-Control-Allow-Methods / -Headers must parse as token lists and allow the request.
// Every denied row has an allowed twin that differs in one status, token or header line; the
// journal proves both (a denied preflight means the actual request never arrives).
import type {
  CredentialsMode,
  HeaderList,
  HeadersInit,
  Scenario,
  ScenarioRequest,
} from '../../src/scenario/types.js';

const ANCHORS = ['cors-preflight-fetch-0'];
const ORIGIN: [string, string] = ['Access-Control-Allow-Origin', '<origin>'];
const CREDS: [string, string] = ['Access-Control-Allow-Credentials', 'true'];

interface Row {
  name: string;
  title: string;
  request: ScenarioRequest;
  /** The preflight's header lines (in order, duplicates kept). */
  preflight: HeaderList;
  status?: number;
  anchors?: string[];
}

/** The actual response allows the request (with ACAC when credentialed). */
function actualHeaders(credentials: CredentialsMode | undefined): HeadersInit {
  return credentials === 'include' ? [ORIGIN, CREDS] : [ORIGIN];
}

function scenario(r: Row): Scenario {
  return {
    id: `preflight-response/${r.name}`,
    title: r.title,
    anchors: [...ANCHORS, ...(r.anchors ?? [])],
    request: { target: 'cross-origin', ...r.request },
    server: {
      preflight: { status: r.status ?? 204, headers: r.preflight },
      actual: { status: 200, headers: actualHeaders(r.request.credentials), body: 'ok' },
    },
  };
}

// Status: 200-299 is ok; anything else fails, redirects included (a preflight is never
// redirected, even with a Location), and so does every status above 599: a status is 0-999
// (fetch#concept-status); WPT's preflight-failure test uses 680 and 790.
const OK_STATUSES = [200, 201, 202, 203, 204, 205, 206, 226, 299];
const BAD_STATUSES = [
  300, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 500, 502, 503, 600, 680, 790, 999,
];
const STATUS_ROWS: Row[] = [...OK_STATUSES, ...BAD_STATUSES].map((status) => ({
  name: `status-${status}`,
  title: `preflight answered ${status} with ACAO and ACAM PUT`,
  request: { method: 'PUT' },
  status,
  preflight: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT']],
  anchors: ['ok-status'],
}));
// A preflight answered 421 is sent once more on a new connection (the fixture answers 421
// again); https, so that both copies are on the compared wire through their Fetch Metadata.
STATUS_ROWS.push({
  name: 'status-421-retried',
  title: 'preflight answered 421 with ACAO and ACAM PUT → sent twice, denied',
  request: { method: 'PUT', target: 'https-cross-origin' },
  status: 421,
  preflight: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT']],
  anchors: ['ok-status', 'concept-http-network-or-cache-fetch'],
});
STATUS_ROWS.push({
  name: 'status-302-with-location',
  title: 'preflight answered 302 with a Location to an allowing URL → not followed, denied',
  request: { method: 'PUT' },
  status: 302,
  preflight: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT'], ['Location', '<target-origin>/']],
  anchors: ['ok-status'],
});

// Access-Control-Allow-Methods for a PUT (or another method where named): parsing as a
// #method list and an exact, case-sensitive match; `*` only without credentials.
const ACAM: [
  name: string,
  value: string | string[] | null,
  method?: string,
  credentials?: CredentialsMode,
][] = [
  ['exact', 'PUT'],
  ['lowercase', 'put'],
  ['list', 'GET, PUT'],
  ['list-no-space', 'PUT,GET'],
  ['padded', '  PUT  '],
  ['tabs', '\tPUT\t'],
  ['empty-item', 'GET,,PUT'],
  ['leading-comma', ',PUT'],
  ['trailing-comma', 'PUT,'],
  ['spaces-around-comma', 'GET , PUT'],
  ['duplicates', 'PUT, PUT'],
  ['two-lines', ['GET', 'PUT']],
  ['two-lines-neither', ['GET', 'POST']],
  ['space-separated', 'GET PUT'],
  ['quoted', '"PUT"'],
  ['with-parameter', 'PUT;q=1'],
  ['invalid-token-beside', 'PUT, GET/'],
  ['empty-value', ''],
  ['absent', null],
  ['star', '*'],
  ['star-credentials', '*', 'PUT', 'include'],
  ['star-and-put-credentials', '*, PUT', 'PUT', 'include'],
  ['star-method-credentials', '*', '*', 'include'],
  ['patch-for-lowercase-patch', 'PATCH', 'patch'],
  ['lowercase-patch-for-patch', 'patch', 'patch'],
  ['custom-exact', 'M-SEARCH', 'M-SEARCH'],
  ['custom-case', 'm-search', 'M-SEARCH'],
];
const ACAM_ROWS: Row[] = ACAM.map(([name, value, method = 'PUT', credentials]) => {
  const lines: HeaderList = (value === null ? [] : Array.isArray(value) ? value : [value]).map(
    (v): [string, string] => ['Access-Control-Allow-Methods', v],
  );
  const creds = credentials === 'include';
  return {
    name: `acam-${name}`,
    title: `${method}${creds ? ' (credentials include)' : ''}, ACAM ${value === null ? 'absent' : JSON.stringify(value)}`,
    request: { method, ...(creds ? { credentials } : {}) },
    preflight: [ORIGIN, ...(creds ? [CREDS] : []), ...lines],
    anchors: ['extract-header-list-values'],
  };
});
// A safelisted method never needs ACAM: POST with X-Foo is allowed by ACAH alone.
ACAM_ROWS.push({
  name: 'acam-absent-safelisted-method',
  title: 'POST with X-Foo, ACAH x-foo, no ACAM → allowed (safelisted method)',
  request: { method: 'POST', body: 'x', headers: { 'X-Foo': '1' } },
  preflight: [ORIGIN, ['Access-Control-Allow-Headers', 'x-foo']],
  anchors: ['cors-safelisted-method'],
});

// Access-Control-Allow-Headers for a GET carrying X-Foo (or the headers named):
// case-insensitive names, #field-name parsing, `*` only without credentials, and never for
// Authorization in the standard (engines: see the wildcardCoversAuthorization knob).
const ACAH: [
  name: string,
  value: string | string[] | null,
  headers?: Record<string, string>,
  credentials?: CredentialsMode,
][] = [
  ['exact', 'X-Foo'],
  ['lowercase', 'x-foo'],
  ['uppercase', 'X-FOO'],
  ['padded', '  x-foo  '],
  ['other-name', 'x-bar'],
  ['list', 'x-foo, x-bar'],
  ['empty-item', 'x-bar,,x-foo'],
  ['leading-trailing-comma', ',x-foo,'],
  ['duplicates', 'x-foo, X-Foo'],
  ['two-lines', ['x-bar', 'x-foo']],
  ['two-lines-neither', ['x-bar', 'x-baz']],
  ['space-inside', 'x foo'],
  ['invalid-token-beside', 'x-foo, x bar'],
  ['with-semicolon', 'x-foo;'],
  ['quoted', '"x-foo"'],
  ['empty-value', ''],
  ['absent', null],
  ['star', '*'],
  ['star-credentials', '*', { 'X-Foo': '1' }, 'include'],
  ['star-and-name-credentials', '*, x-foo', { 'X-Foo': '1' }, 'include'],
  ['star-literal-header-credentials', '*', { '*': '1' }, 'include'],
  ['two-needed-both', 'x-a, x-b', { 'X-A': '1', 'X-B': '1' }],
  ['two-needed-one', 'x-a', { 'X-A': '1', 'X-B': '1' }],
  ['authorization-exact', 'Authorization', { Authorization: 'Bearer t' }],
  ['authorization-star', '*', { Authorization: 'Bearer t' }],
  ['authorization-star-and-name', '*, authorization', { Authorization: 'Bearer t' }],
  ['authorization-star-credentials', '*', { Authorization: 'Bearer t' }, 'include'],
  ['authorization-star-with-other', '*', { Authorization: 'Bearer t', 'X-Foo': '1' }],
  ['content-type-json', 'content-type', { 'Content-Type': 'application/json' }],
  ['content-type-json-absent', null, { 'Content-Type': 'application/json' }],
];
const ACAH_ROWS: Row[] = ACAH.map(([name, value, headers = { 'X-Foo': '1' }, credentials]) => {
  const lines: HeaderList = (value === null ? [] : Array.isArray(value) ? value : [value]).map(
    (v): [string, string] => ['Access-Control-Allow-Headers', v],
  );
  const creds = credentials === 'include';
  return {
    name: `acah-${name}`,
    title: `GET with ${Object.keys(headers).join(', ')}${creds ? ' (credentials include)' : ''}, ACAH ${value === null ? 'absent' : JSON.stringify(value)}`,
    request: { method: 'GET', headers, ...(creds ? { credentials } : {}) },
    preflight: [ORIGIN, ...(creds ? [CREDS] : []), ...lines],
    anchors: ['extract-header-list-values', 'cors-non-wildcard-request-header-name'],
  };
});

// The CORS check on the preflight response, with the actual request's credentials mode.
const CHECK_ROWS: Row[] = (
  [
    {
      name: 'acao-absent',
      title: 'preflight without ACAO (ACAM PUT) → denied',
      request: { method: 'PUT' },
      preflight: [['Access-Control-Allow-Methods', 'PUT']],
    },
    {
      name: 'acao-star',
      title: 'preflight ACAO * (ACAM PUT) → allowed',
      request: { method: 'PUT' },
      preflight: [
        ['Access-Control-Allow-Origin', '*'],
        ['Access-Control-Allow-Methods', 'PUT'],
      ],
    },
    {
      name: 'acao-star-credentials',
      title: 'credentialed PUT, preflight ACAO * + ACAC true → denied',
      request: { method: 'PUT', credentials: 'include' },
      preflight: [
        ['Access-Control-Allow-Origin', '*'],
        CREDS,
        ['Access-Control-Allow-Methods', 'PUT'],
      ],
    },
    {
      name: 'acac-absent-credentials',
      title: 'credentialed PUT, preflight exact ACAO without ACAC → denied',
      request: { method: 'PUT', credentials: 'include' },
      preflight: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT']],
    },
    {
      name: 'acac-true-credentials',
      title: 'credentialed PUT, preflight exact ACAO + ACAC true → allowed',
      request: { method: 'PUT', credentials: 'include' },
      preflight: [ORIGIN, CREDS, ['Access-Control-Allow-Methods', 'PUT']],
    },
    {
      name: 'acac-capitalised-credentials',
      title: 'credentialed PUT, preflight ACAC True → denied',
      request: { method: 'PUT', credentials: 'include' },
      preflight: [
        ORIGIN,
        ['Access-Control-Allow-Credentials', 'True'],
        ['Access-Control-Allow-Methods', 'PUT'],
      ],
    },
  ] satisfies Row[]
).map((r) => ({ ...r, anchors: ['concept-cors-check'] }));

// After a good preflight the actual response is CORS-checked again on its own.
const ACTUAL_ROWS: Scenario[] = [
  {
    id: 'preflight-response/actual-without-acao',
    title: 'preflight allows PUT, the PUT response has no ACAO → sent, network error',
    anchors: [...ANCHORS, 'concept-cors-check'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: { status: 204, headers: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT']] },
      actual: { status: 200 },
    },
  },
  {
    id: 'preflight-response/acao-origin-then-empty-line-lowercase',
    title:
      'preflight access-control-allow-origin: the page origin, then an empty line (joined "<origin>, ") → denied',
    anchors: [...ANCHORS, 'concept-header-list-get'],
    request: { method: 'PUT' },
    server: {
      preflight: {
        status: 204,
        headers: [
          ['access-control-allow-origin', '<origin>'],
          ['access-control-allow-origin', ''],
          ['Access-Control-Allow-Methods', 'PUT'],
        ],
      },
      actual: { status: 200, headers: [ORIGIN] },
    },
  },
  {
    id: 'preflight-response/actual-status-421-retried',
    title: 'preflight allows PUT, the PUT answers 421 with ACAO → PUT sent twice, readable 421',
    anchors: [...ANCHORS, 'concept-http-network-or-cache-fetch'],
    request: { method: 'PUT', target: 'https-cross-origin' },
    server: {
      preflight: { status: 204, headers: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT']] },
      actual: { status: 421, headers: [ORIGIN] },
    },
  },
  {
    id: 'preflight-response/actual-status-500-with-acao',
    title: 'preflight allows PUT, the PUT answers 500 with ACAO → readable 500',
    anchors: [...ANCHORS, 'concept-cors-check'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: { status: 204, headers: [ORIGIN, ['Access-Control-Allow-Methods', 'PUT']] },
      actual: { status: 500, headers: [ORIGIN] },
    },
  },
];

export const PREFLIGHT_RESPONSE_SCENARIOS = [
  ...[...STATUS_ROWS, ...ACAM_ROWS, ...ACAH_ROWS, ...CHECK_ROWS].map(scenario),
  ...ACTUAL_ROWS,
] satisfies Scenario[];
