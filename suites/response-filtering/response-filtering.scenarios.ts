// Response filtering: which response header names page JS can read (the CORS-safelisted
// response-header names, what Access-Control-Expose-Headers adds, `*` with and without
// credentials), `Set-Cookie` never, and opaque responses (status 0, no headers, no body).
import type { CredentialsMode, HeaderList, Scenario } from '../../src/scenario/types.js';

const STAR: [string, string] = ['Access-Control-Allow-Origin', '*'];
const EXACT: [string, string] = ['Access-Control-Allow-Origin', '<origin>'];
const ACAC: [string, string] = ['Access-Control-Allow-Credentials', 'true'];

const ANCHORS_EXPOSE = [
  'cors-safelisted-response-header-name',
  'concept-main-fetch',
  'concept-filtered-response-cors',
];

/** A cross-origin GET whose response carries `headers` (plus ACAO, and ACAC with credentials). */
function exposeRow(
  short: string,
  title: string,
  headers: HeaderList,
  credentials: CredentialsMode = 'same-origin',
): Scenario {
  const allow: HeaderList = credentials === 'include' ? [EXACT, ACAC] : [STAR];
  return {
    id: `response-filtering/${short}`,
    title,
    anchors: ANCHORS_EXPOSE,
    request: { method: 'GET', target: 'cross-origin', credentials },
    server: { actual: { status: 200, headers: [...allow, ...headers], body: 'body' } },
  };
}

/** The seven CORS-safelisted response-header names, each with a plausible value. */
const SAFELISTED: [string, string][] = [
  ['Cache-Control', 'no-store'],
  ['Content-Language', 'en'],
  ['Content-Length', '4'],
  ['Content-Type', 'text/plain'],
  ['Expires', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['Last-Modified', 'Thu, 01 Jan 1970 00:00:00 GMT'],
  ['Pragma', 'no-cache'],
];

/** Headers that are not safelisted: hidden without ACEH, readable when ACEH names them. */
const NOT_SAFELISTED: [string, string][] = [
  ['X-Custom', '1'],
  ['ETag', '"v1"'],
  ['Vary', 'Origin'],
  ['Link', '</a>; rel=preload'],
  ['Content-Disposition', 'inline'],
  ['Content-Location', '/x'],
  ['Server', 'fixture'],
  ['Access-Control-Allow-Methods', 'PUT'],
];

export const RESPONSE_FILTERING_SCENARIOS = [
  // Safelisted names are readable without any Access-Control-Expose-Headers.
  ...SAFELISTED.map(([name, value]) =>
    exposeRow(`safelisted-${name.toLowerCase()}`, `${name} is readable without ACEH`, [
      [name, value],
    ]),
  ),

  // Other names: hidden without ACEH (negative), readable when ACEH names them (twin).
  ...NOT_SAFELISTED.flatMap(([name, value]) => [
    exposeRow(`hidden-${name.toLowerCase()}`, `${name} is hidden without ACEH`, [[name, value]]),
    exposeRow(`exposed-${name.toLowerCase()}`, `${name} named in ACEH is readable`, [
      [name, value],
      ['Access-Control-Expose-Headers', name],
    ]),
  ]),

  // ACEH list syntax: case, several names, several lines, whitespace, empty elements, and
  // a list that fails to parse (only the safelist stays readable).
  exposeRow('aceh-lowercase-name', 'ACEH x-a matches X-A', [
    ['X-A', '1'],
    ['Access-Control-Expose-Headers', 'x-a'],
  ]),
  exposeRow('aceh-two-names', 'ACEH "X-A, X-B" exposes both', [
    ['X-A', '1'],
    ['X-B', '2'],
    ['Access-Control-Expose-Headers', 'X-A, X-B'],
  ]),
  exposeRow('aceh-two-lines', 'two ACEH lines combine', [
    ['X-A', '1'],
    ['X-B', '2'],
    ['Access-Control-Expose-Headers', 'X-A'],
    ['Access-Control-Expose-Headers', 'X-B'],
  ]),
  exposeRow('aceh-extra-whitespace', 'ACEH with spaces and tabs around names', [
    ['X-A', '1'],
    ['X-B', '2'],
    ['Access-Control-Expose-Headers', 'X-A ,\tX-B'],
  ]),
  exposeRow('aceh-empty-elements', 'ACEH ", X-A,,"', [
    ['X-A', '1'],
    ['Access-Control-Expose-Headers', ', X-A,,'],
  ]),
  exposeRow('aceh-parse-failure', 'ACEH "X-A, Bad Header" fails to parse → X-A hidden', [
    ['X-A', '1'],
    ['Access-Control-Expose-Headers', 'X-A, Bad Header'],
  ]),
  exposeRow('aceh-quoted-name', 'ACEH "\\"X-A\\"" is no token → X-A hidden', [
    ['X-A', '1'],
    ['Access-Control-Expose-Headers', '"X-A"'],
  ]),
  exposeRow('aceh-absent-name', 'ACEH names a header the response lacks', [
    ['X-A', '1'],
    ['Access-Control-Expose-Headers', 'X-Missing'],
  ]),
  exposeRow('aceh-self', 'ACEH names itself and ACAO', [
    ['Access-Control-Expose-Headers', 'Access-Control-Expose-Headers, Access-Control-Allow-Origin'],
  ]),

  // `*` exposes every name without credentials, and is a literal name with credentials.
  exposeRow('aceh-star', 'ACEH * without credentials exposes every header', [
    ['X-A', '1'],
    ['X-B', '2'],
    ['Access-Control-Expose-Headers', '*'],
  ]),
  exposeRow(
    'aceh-star-credentialed',
    'ACEH * with credentials exposes only the safelist',
    [
      ['X-A', '1'],
      ['Access-Control-Expose-Headers', '*'],
    ],
    'include',
  ),
  exposeRow(
    'aceh-star-and-name-credentialed',
    'ACEH "*, X-A" with credentials exposes X-A',
    [
      ['X-A', '1'],
      ['X-B', '2'],
      ['Access-Control-Expose-Headers', '*, X-A'],
    ],
    'include',
  ),
  exposeRow(
    'aceh-name-credentialed',
    'ACEH X-A with credentials exposes X-A',
    [
      ['X-A', '1'],
      ['Access-Control-Expose-Headers', 'X-A'],
    ],
    'include',
  ),
  exposeRow('aceh-star-in-list', 'ACEH "X-A, *" without credentials exposes every header', [
    ['X-A', '1'],
    ['X-B', '2'],
    ['Access-Control-Expose-Headers', 'X-A, *'],
  ]),

  // Set-Cookie and Set-Cookie2 are never readable, whatever ACEH says.
  exposeRow('set-cookie-hidden', 'Set-Cookie is not readable', [['Set-Cookie', 'sbr=1; Path=/']]),
  exposeRow('set-cookie-named', 'Set-Cookie named in ACEH is still not readable', [
    ['Set-Cookie', 'sbr=1; Path=/'],
    ['Access-Control-Expose-Headers', 'Set-Cookie'],
  ]),
  exposeRow('set-cookie-star', 'ACEH * does not expose Set-Cookie', [
    ['Set-Cookie', 'sbr=1; Path=/'],
    ['X-A', '1'],
    ['Access-Control-Expose-Headers', '*'],
  ]),
  exposeRow('set-cookie2-named', 'Set-Cookie2 named in ACEH is not readable', [
    ['Set-Cookie2', 'sbr=1'],
    ['Access-Control-Expose-Headers', 'Set-Cookie2'],
  ]),
  {
    id: 'response-filtering/basic-set-cookie-hidden',
    title: 'same-origin (basic) response: every header but Set-Cookie is readable',
    anchors: ['concept-filtered-response-basic', 'forbidden-response-header-name'],
    request: { method: 'GET', target: 'same-origin' },
    server: {
      actual: {
        status: 200,
        headers: [
          ['X-A', '1'],
          ['Set-Cookie', 'sbr-basic=1; Path=/'],
        ],
      },
    },
  },

  // Status: a cors response shows any status; opaque ones show 0 and no headers.
  ...[201, 404, 500].map(
    (status) =>
      ({
        id: `response-filtering/cors-status-${status}`,
        title: `cors response with status ${status} is visible as ${status}`,
        anchors: ['concept-filtered-response-cors', 'concept-cors-check'],
        request: { method: 'GET', target: 'cross-origin' },
        server: { actual: { status, headers: [STAR, ['X-A', '1']] } },
      }) satisfies Scenario,
  ),
  ...[200, 404, 500].map(
    (status) =>
      ({
        id: `response-filtering/opaque-status-${status}`,
        title: `no-cors response with status ${status} is opaque: status 0, no headers`,
        anchors: ['concept-filtered-response-opaque'],
        request: { method: 'GET', target: 'cross-origin', mode: 'no-cors' },
        server: {
          actual: {
            status,
            headers: [STAR, ['X-A', '1'], ['Access-Control-Expose-Headers', '*']],
            body: 'hidden',
          },
        },
      }) satisfies Scenario,
  ),
  {
    id: 'response-filtering/opaque-credentialed',
    title: 'no-cors with credentials include: still opaque',
    anchors: ['concept-filtered-response-opaque'],
    request: { method: 'GET', target: 'cross-origin', mode: 'no-cors', credentials: 'include' },
    server: { actual: { status: 200, headers: [EXACT, ACAC], body: 'hidden' } },
  },
  {
    id: 'response-filtering/redirect-without-location',
    title: 'a 302 without Location is the final response: cors, status 302',
    anchors: ['http-redirect-fetch', 'concept-filtered-response-cors'],
    request: { method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 302, headers: [STAR] } },
  },
] satisfies Scenario[];
