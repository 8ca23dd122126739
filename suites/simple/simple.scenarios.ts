// Area 1, simple requests: a safelisted method with only safelisted headers goes out without
// a preflight, and the response's CORS check alone decides whether JS can read it. Every
// request shape appears twice: once answered with a passing `Access-Control-Allow-Origin`
// (readable), once without it (the request still reaches the server, then a network error).
// The verdict's `preflight` and `actualSent` fields prove both halves from the journal.
import type {
  BodySpec,
  HeadersInit,
  ResponseSpec,
  Scenario,
  ScenarioRequest,
} from '../../src/scenario/types.js';

const SIMPLE_ANCHORS = ['cors-safelisted-method', 'concept-cors-check', 'concept-main-fetch'];

/** One simple request shape, named for the ids of its two rows. */
interface SimpleShape {
  name: string;
  what: string;
  request: ScenarioRequest;
  anchors?: string[];
}

/**
 * The twin rows of one shape: `<name>` with `ACAO: *` and a body (readable), and
 * `<name>-no-acao` with the same request and no ACAO (sent, then a network error).
 */
function twins(
  shape: SimpleShape,
  allow: ResponseSpec['headers'] = { 'Access-Control-Allow-Origin': '*' },
): Scenario[] {
  const anchors = [...SIMPLE_ANCHORS, ...(shape.anchors ?? [])];
  return [
    {
      id: `simple/${shape.name}`,
      title: `${shape.what}, ACAO allows → no preflight, readable`,
      anchors,
      request: { target: 'cross-origin', ...shape.request },
      server: { actual: { status: 200, headers: allow, body: 'ok' } },
    },
    {
      id: `simple/${shape.name}-no-acao`,
      title: `${shape.what}, no ACAO → no preflight, sent, network error`,
      anchors,
      request: { target: 'cross-origin', ...shape.request },
      server: { actual: { status: 200, body: 'secret' } },
    },
  ];
}

const text = (value: string): BodySpec => ({ kind: 'text', value });
const header = (name: string, value: string): HeadersInit => [[name, value]];

// Safelisted methods as page JS spells them: upper case, and the lower-case spellings that
// method normalization upper-cases (so they stay safelisted).
const METHOD_SHAPES: SimpleShape[] = [
  { name: 'get', what: 'GET', request: { method: 'GET' } },
  { name: 'head', what: 'HEAD', request: { method: 'HEAD' } },
  { name: 'post-no-body', what: 'POST without a body', request: { method: 'POST' } },
  {
    name: 'get-lowercase',
    what: "method 'get' (normalized to GET)",
    request: { method: 'get' },
    anchors: ['concept-method-normalize'],
  },
  {
    name: 'head-mixed-case',
    what: "method 'HeAd' (normalized to HEAD)",
    request: { method: 'HeAd' },
    anchors: ['concept-method-normalize'],
  },
  {
    name: 'post-lowercase',
    what: "method 'post' with a text body (normalized to POST)",
    request: { method: 'post', body: text('x') },
    anchors: ['concept-method-normalize'],
  },
];

// POST bodies whose default Content-Type is one of the three safelisted MIME types.
const BODY_SHAPES: SimpleShape[] = [
  {
    name: 'post-string-body',
    what: 'POST string body (text/plain;charset=UTF-8)',
    request: { method: 'POST', body: 'hello' },
    anchors: ['bodyinit-unions'],
  },
  {
    name: 'post-url-search-params',
    what: 'POST URLSearchParams (application/x-www-form-urlencoded)',
    request: { method: 'POST', body: { kind: 'url-search-params', value: 'a=1&b=2' } },
    anchors: ['bodyinit-unions'],
  },
  {
    name: 'post-form-data',
    what: 'POST FormData (multipart/form-data)',
    request: { method: 'POST', body: { kind: 'form-data', fields: { a: '1' } } },
    anchors: ['bodyinit-unions'],
  },
  {
    name: 'post-blob-text-plain',
    what: 'POST Blob of type text/plain',
    request: { method: 'POST', body: { kind: 'blob', value: 'x', type: 'text/plain' } },
    anchors: ['bodyinit-unions'],
  },
  {
    name: 'post-blob-no-type',
    what: 'POST Blob without a type (no Content-Type)',
    request: { method: 'POST', body: { kind: 'blob', value: 'x', type: '' } },
    anchors: ['bodyinit-unions'],
  },
  {
    name: 'post-array-buffer',
    what: 'POST ArrayBuffer (no Content-Type)',
    request: { method: 'POST', body: { kind: 'array-buffer', value: 'x' } },
    anchors: ['bodyinit-unions'],
  },
];

// Each safelisted request-header with an ordinary value: still no preflight.
const HEADER_SHAPES: SimpleShape[] = [
  ['accept', 'Accept', 'application/json, text/*;q=0.5'],
  ['accept-language', 'Accept-Language', 'en-US,en;q=0.9'],
  ['content-language', 'Content-Language', 'de-CH'],
  ['content-type-form', 'Content-Type', 'application/x-www-form-urlencoded'],
  ['content-type-multipart', 'Content-Type', 'multipart/form-data; boundary=x'],
  ['content-type-text', 'Content-Type', 'text/plain;charset=UTF-8'],
  ['range', 'Range', 'bytes=0-'],
].map(([name, h, v]) => ({
  name: `header-${name}`,
  what: `GET with ${h}: ${v}`,
  request: { method: 'GET', headers: header(h as string, v as string) },
  anchors: ['cors-safelisted-request-header'],
}));

// Every safelisted header at once (their total is far below 1024 bytes).
const ALL_HEADERS_SHAPE: SimpleShape = {
  name: 'all-safelisted-headers',
  what: 'POST with Accept, Accept-Language, Content-Language, Content-Type, Range',
  request: {
    method: 'POST',
    body: 'x',
    headers: [
      ['Accept', '*/*'],
      ['Accept-Language', 'fr'],
      ['Content-Language', 'fr'],
      ['Content-Type', 'text/plain'],
      ['Range', 'bytes=1-2'],
    ],
  },
  anchors: ['cors-safelisted-request-header', 'cors-unsafe-request-header-names'],
};

// XMLHttpRequest makes the same simple requests.
const XHR_SHAPES: SimpleShape[] = [
  { name: 'xhr-get', what: 'XHR GET', request: { api: 'xhr', method: 'GET' } },
  {
    name: 'xhr-post-text',
    what: 'XHR POST string body',
    request: { api: 'xhr', method: 'POST', body: 'x' },
    anchors: ['the-send'],
  },
  {
    name: 'xhr-header-accept',
    what: 'XHR GET with Accept',
    request: { api: 'xhr', method: 'GET', headers: { Accept: 'text/html' } },
    anchors: ['cors-safelisted-request-header'],
  },
];

// Credentials modes: omit and same-origin (the default) behave alike for a cross-site URL.
const CREDENTIAL_SHAPES: SimpleShape[] = [
  {
    name: 'credentials-omit',
    what: "GET credentials 'omit'",
    request: { method: 'GET', credentials: 'omit' },
  },
  {
    name: 'credentials-same-origin',
    what: "GET credentials 'same-origin'",
    request: { method: 'GET', credentials: 'same-origin' },
  },
];

// The CORS check does not care about the status: any status passes with ACAO.
const STATUS_ROWS: Scenario[] = [201, 204, 301, 404, 500, 503].flatMap((status) => {
  const anchors = [...SIMPLE_ANCHORS, 'ok-status'];
  return [
    {
      id: `simple/status-${status}`,
      title: `simple GET answered ${status} with ACAO * → that status is readable`,
      anchors,
      request: { method: 'GET', target: 'cross-origin' },
      server: { actual: { status, headers: { 'Access-Control-Allow-Origin': '*' } } },
    },
    {
      id: `simple/status-${status}-no-acao`,
      title: `simple GET answered ${status} without ACAO → network error`,
      anchors,
      request: { method: 'GET', target: 'cross-origin' },
      server: { actual: { status } },
    },
  ] satisfies Scenario[];
});

// A 421 (Misdirected Request) is sent once more on a new connection, a POST whose string
// body can be sent again included; the second 421 is the response. The target is https so
// that each copy's Fetch Metadata puts it on the compared wire.
const MISDIRECTED_ROWS: Scenario[] = [
  {
    id: 'simple/status-421-get-retried',
    title: 'simple GET answered 421 with ACAO * → sent twice, the 421 is readable',
    anchors: [...SIMPLE_ANCHORS, 'concept-http-network-or-cache-fetch'],
    request: { method: 'GET', target: 'https-cross-origin' },
    server: { actual: { status: 421, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'simple/status-421-post-text-retried',
    title: 'POST with a string body answered 421 with ACAO * → sent twice, the 421 is readable',
    anchors: [...SIMPLE_ANCHORS, 'concept-http-network-or-cache-fetch'],
    request: { method: 'POST', body: 'a=1', target: 'https-cross-origin' },
    server: { actual: { status: 421, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
];

// What JS may read of a readable response: the safelisted response-header names only.
const READABLE_ROWS: Scenario[] = [
  {
    id: 'simple/readable-safelisted-response-headers',
    title: 'the seven safelisted response headers are readable, X-Other and ACAO are not',
    anchors: ['cors-safelisted-response-header-name', 'concept-filtered-response-cors'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', '*'],
          ['Cache-Control', 'no-store'],
          ['Content-Language', 'en'],
          ['Content-Type', 'text/plain'],
          ['Expires', 'Thu, 01 Jan 1970 00:00:00 GMT'],
          ['Last-Modified', 'Thu, 01 Jan 1970 00:00:00 GMT'],
          ['Pragma', 'no-cache'],
          ['X-Other', '1'],
        ],
        body: 'ok',
      },
    },
  },
  {
    id: 'simple/readable-exact-origin',
    title: 'simple GET, ACAO is the exact page origin → readable',
    anchors: SIMPLE_ANCHORS,
    request: { method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'simple/same-site-target',
    title: 'simple GET to a same-site origin is still CORS: ACAO * → readable',
    anchors: SIMPLE_ANCHORS,
    request: { method: 'GET', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'simple/same-site-target-no-acao',
    title: 'simple GET to a same-site origin without ACAO → network error',
    anchors: SIMPLE_ANCHORS,
    request: { method: 'GET', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'simple/other-port-target',
    title: 'simple GET to the page host on another port: ACAO * → readable',
    anchors: SIMPLE_ANCHORS,
    request: { method: 'GET', target: 'cross-origin-different-port' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'simple/other-port-target-no-acao',
    title: 'simple GET to the page host on another port without ACAO → network error',
    anchors: SIMPLE_ANCHORS,
    request: { method: 'GET', target: 'cross-origin-different-port' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'simple/same-origin-no-acao',
    title: 'same-origin GET needs no ACAO: basic response, every header readable',
    anchors: ['concept-main-fetch', 'concept-filtered-response-basic'],
    request: { method: 'GET', target: 'same-origin' },
    server: { actual: { status: 200, headers: { 'X-Other': '1' } } },
  },
];

export const SIMPLE_SCENARIOS = [
  ...[
    ...METHOD_SHAPES,
    ...BODY_SHAPES,
    ...HEADER_SHAPES,
    ALL_HEADERS_SHAPE,
    ...XHR_SHAPES,
    ...CREDENTIAL_SHAPES,
  ].flatMap((s) => twins(s)),
  ...STATUS_ROWS,
  ...MISDIRECTED_ROWS,
  ...READABLE_ROWS,
  // A ReadableStream body sets the use-CORS-preflight flag; the preflight goes out, then the
  // HTTP/1.1 connection refuses a body whose source is null: a network error.
  {
    id: 'simple/post-stream-body',
    title: 'POST with a ReadableStream body: preflighted, then refused on HTTP/1.1',
    anchors: ['dom-request', 'concept-http-network-fetch'],
    request: { method: 'POST', target: 'cross-origin', body: { kind: 'stream', value: 'x' } },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Methods': 'POST',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
    },
  },
] satisfies Scenario[];
