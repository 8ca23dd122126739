// Area 5, the CORS check on a response: `Access-Control-Allow-Origin` must be `*` (without
// credentials) or byte-identical to the serialized request origin (`null` for opaque
// clients), one value only; with credentials `Access-Control-Allow-Credentials` must be
// exactly `true`. Requests are simple (no preflight), so each row is one response and its
// twin differs in one byte or one header line. The request always reaches the server.
import type {
  ClientKind,
  CredentialsMode,
  HeaderList,
  Scenario,
  ScenarioRequest,
} from '../../src/scenario/types.js';

const ANCHORS = ['concept-cors-check'];

interface CheckRow {
  name: string;
  title: string;
  /** The response's header lines. */
  headers: HeaderList;
  request?: ScenarioRequest;
  client?: ClientKind;
  anchors?: string[];
}

function scenario(r: CheckRow): Scenario {
  return {
    id: `cors-check/${r.name}`,
    title: r.title,
    anchors: [...ANCHORS, ...(r.anchors ?? [])],
    ...(r.client === undefined ? {} : { client: r.client }),
    request: { method: 'GET', target: 'cross-origin', ...r.request },
    server: { actual: { status: 200, headers: r.headers, body: 'ok' } },
  };
}

const acao = (...values: string[]): HeaderList =>
  values.map((v): [string, string] => ['Access-Control-Allow-Origin', v]);

// ACAO against the page origin (credentials same-origin, the default).
const ACAO_VALUES: [name: string, title: string, lines: HeaderList][] = [
  ['exact', 'the exact origin', acao('<origin>')],
  ['exact-spelled-out', 'http://<host> (the same bytes)', acao('http://<host>')],
  ['star', '*', acao('*')],
  ['null', 'null', acao('null')],
  ['uppercase', 'the origin upper-cased', acao('<ORIGIN>')],
  ['scheme-uppercase', 'HTTP://<host>', acao('HTTP://<host>')],
  ['scheme-https', 'https://<host>', acao('https://<host>')],
  ['trailing-slash', 'the origin with a trailing slash', acao('<origin>/')],
  ['padded-spaces', 'the origin with spaces around it', acao('  <origin>  ')],
  ['padded-tab', 'the origin after a tab', acao('\t<origin>')],
  ['other-port', 'the origin with a digit added to the port', acao('<origin>0')],
  ['target-origin', "the responding server's own origin", acao('<target-origin>')],
  ['wildcard-subdomain', 'http://*.test', acao('http://*.test')],
  ['empty', 'an empty value', acao('')],
  ['list-comma', '"<origin>, <origin>" on one line', acao('<origin>, <origin>')],
  ['list-space', '"<origin> <origin>" on one line', acao('<origin> <origin>')],
  ['two-lines-same', 'two lines with the exact origin', acao('<origin>', '<origin>')],
  ['two-lines-star', 'two lines of *', acao('*', '*')],
  ['star-padded', '"* " (trailing space)', acao('* ')],
  ['star-quoted', '"\\"*\\""', acao('"*"')],
  ['star-comma', '"*, *" on one line', acao('*, *')],
  ['star-and-origin', 'a * line and an exact-origin line', acao('*', '<origin>')],
  [
    'lowercase-name',
    'header name spelled access-control-allow-origin',
    [['access-control-allow-origin', '<origin>']],
  ],
  // An empty line beside the origin: joined, the value is "<origin>, " (or ", <origin>").
  ['origin-then-empty-line', 'the exact origin, then an empty line', acao('<origin>', '')],
  ['empty-line-then-origin', 'an empty line, then the exact origin', acao('', '<origin>')],
  [
    'origin-then-empty-line-lowercase',
    'the exact origin, then an empty line, both spelled access-control-allow-origin',
    [
      ['access-control-allow-origin', '<origin>'],
      ['access-control-allow-origin', ''],
    ],
  ],
  [
    'origin-then-empty-line-mixed-case',
    'Access-Control-Allow-Origin: the exact origin, then an empty access-control-allow-origin line',
    [...acao('<origin>'), ['access-control-allow-origin', '']],
  ],
];
const ACAO_ROWS: CheckRow[] = ACAO_VALUES.map(([name, what, lines]) => ({
  name: `acao-${name}`,
  title: `ACAO ${what}`,
  headers: lines,
  anchors: ['concept-header-list-get'],
}));

// Opaque-origin clients (sandboxed iframe, data: URL): the request origin serializes to
// `null`, and only `null` or `*` match it.
const OPAQUE_VALUES: [name: string, client: ClientKind, lines: HeaderList][] = [
  ['sandboxed-null', 'opaque-origin', acao('null')],
  ['sandboxed-star', 'opaque-origin', acao('*')],
  ['sandboxed-parent-origin', 'opaque-origin', acao('http://<host>')],
  ['sandboxed-null-uppercase', 'opaque-origin', acao('NULL')],
  ['sandboxed-null-padded', 'opaque-origin', acao(' null ')],
  ['sandboxed-null-twice', 'opaque-origin', acao('null', 'null')],
  ['data-url-null', 'data-url', acao('null')],
  ['data-url-parent-origin', 'data-url', acao('http://<host>')],
];
const OPAQUE_ROWS: CheckRow[] = OPAQUE_VALUES.map(([name, client, lines]) => ({
  name: `opaque-${name}`,
  title: `${client} client, ACAO ${JSON.stringify(lines.map(([, v]) => v))}`,
  client,
  headers: lines,
  anchors: ['ascii-serialisation-of-an-origin'],
}));

// With credentials 'include': an exact origin plus ACAC exactly `true`.
const acac = (...values: string[]): HeaderList =>
  values.map((v): [string, string] => ['Access-Control-Allow-Credentials', v]);
const CREDENTIAL_VALUES: [name: string, lines: HeaderList, credentials?: CredentialsMode][] = [
  ['true', [...acao('<origin>'), ...acac('true')]],
  ['True', [...acao('<origin>'), ...acac('True')]],
  ['TRUE', [...acao('<origin>'), ...acac('TRUE')]],
  ['false', [...acao('<origin>'), ...acac('false')]],
  ['absent', acao('<origin>')],
  ['empty', [...acao('<origin>'), ...acac('')]],
  ['padded', [...acao('<origin>'), ...acac('  true  ')]],
  ['quoted', [...acao('<origin>'), ...acac('"true"')]],
  ['one', [...acao('<origin>'), ...acac('1')]],
  ['two-lines', [...acao('<origin>'), ...acac('true', 'true')]],
  ['true-then-empty-line', [...acao('<origin>'), ...acac('true', '')]],
  ['true-comma', [...acao('<origin>'), ...acac('true,')]],
  ['star-origin', [...acao('*'), ...acac('true')]],
  ['null-origin', [...acao('null'), ...acac('true')]],
  ['uppercase-origin', [...acao('<ORIGIN>'), ...acac('true')]],
];
const CREDENTIAL_ROWS: CheckRow[] = CREDENTIAL_VALUES.map(([name, lines]) => ({
  name: `credentials-acac-${name}`,
  title: `credentials include, ${lines.map(([n, v]) => `${n === 'Access-Control-Allow-Origin' ? 'ACAO' : 'ACAC'} ${JSON.stringify(v)}`).join(', ')}`,
  request: { credentials: 'include' },
  headers: lines,
}));

// Without credentials, ACAC is not read at all.
const NO_CREDENTIAL_ROWS: CheckRow[] = [
  {
    name: 'omit-star-acac-false',
    title: "credentials 'omit', ACAO * with ACAC false → readable (ACAC ignored)",
    request: { credentials: 'omit' },
    headers: [...acao('*'), ...acac('false')],
  },
  {
    name: 'same-origin-exact-acac-True',
    title: "credentials 'same-origin', exact ACAO with ACAC True → readable (ACAC ignored)",
    request: { credentials: 'same-origin' },
    headers: [...acao('<origin>'), ...acac('True')],
  },
];

// Opaque client with credentials: `null` plus ACAC true passes the check.
const OPAQUE_CREDENTIAL_ROWS: CheckRow[] = [
  {
    name: 'opaque-credentials-null-acac-true',
    title: 'sandboxed client, credentials include, ACAO null + ACAC true → readable',
    client: 'opaque-origin',
    request: { credentials: 'include' },
    headers: [...acao('null'), ...acac('true')],
  },
  {
    name: 'opaque-credentials-star-acac-true',
    title: 'sandboxed client, credentials include, ACAO * + ACAC true → network error',
    client: 'opaque-origin',
    request: { credentials: 'include' },
    headers: [...acao('*'), ...acac('true')],
  },
];

// XMLHttpRequest: withCredentials maps to 'include'.
const XHR_ROWS: CheckRow[] = [
  {
    name: 'xhr-with-credentials-exact',
    title: 'XHR withCredentials, exact ACAO + ACAC true → load',
    request: { api: 'xhr', withCredentials: true },
    headers: [...acao('<origin>'), ...acac('true')],
  },
  {
    name: 'xhr-with-credentials-star',
    title: 'XHR withCredentials, ACAO * + ACAC true → error',
    request: { api: 'xhr', withCredentials: true },
    headers: [...acao('*'), ...acac('true')],
  },
  {
    name: 'xhr-acao-trailing-slash',
    title: 'XHR, ACAO with a trailing slash → error',
    request: { api: 'xhr' },
    headers: acao('<origin>/'),
  },
  {
    name: 'xhr-acao-exact',
    title: 'XHR, exact ACAO → load',
    request: { api: 'xhr' },
    headers: acao('<origin>'),
  },
];

// Other simple methods and targets meet the same check.
const OTHER_ROWS: CheckRow[] = [
  {
    name: 'post-exact',
    title: 'simple POST, exact ACAO → readable',
    request: { method: 'POST', body: 'x' },
    headers: acao('<origin>'),
  },
  {
    name: 'post-uppercase',
    title: 'simple POST, upper-cased ACAO → network error',
    request: { method: 'POST', body: 'x' },
    headers: acao('<ORIGIN>'),
  },
  {
    name: 'head-star',
    title: 'HEAD, ACAO * → readable',
    request: { method: 'HEAD' },
    headers: acao('*'),
  },
  {
    name: 'head-null',
    title: 'HEAD, ACAO null → network error',
    request: { method: 'HEAD' },
    headers: acao('null'),
  },
  {
    name: 'same-site-exact',
    title: 'same-site target, exact ACAO → readable',
    request: { target: 'same-site' },
    headers: acao('<origin>'),
  },
  {
    name: 'same-site-target-origin',
    title: 'same-site target answering with its own origin → network error',
    request: { target: 'same-site' },
    headers: acao('<target-origin>'),
  },
  {
    name: 'other-port-exact',
    title: 'same host, other port: exact ACAO → readable',
    request: { target: 'cross-origin-different-port' },
    headers: acao('<origin>'),
  },
  {
    name: 'other-port-target-origin',
    title: 'same host, other port, answering with its own origin → network error',
    request: { target: 'cross-origin-different-port' },
    headers: acao('<target-origin>'),
  },
];

export const CORS_CHECK_SCENARIOS = [
  ...ACAO_ROWS,
  ...OPAQUE_ROWS,
  ...CREDENTIAL_ROWS,
  ...NO_CREDENTIAL_ROWS,
  ...OPAQUE_CREDENTIAL_ROWS,
  ...XHR_ROWS,
  ...OTHER_ROWS,
].map(scenario) satisfies Scenario[];
