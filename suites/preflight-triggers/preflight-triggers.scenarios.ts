// Area 2, preflight triggers: which methods and request headers make a cross-origin request
// preflighted. Every row meets the same permissive server (the preflight echoes the request's
// ACRM and ACRH back, the actual response allows the page origin), so the outcome is `ok`
// either way and what differs is on the wire: whether a preflight arrived, its
// `Access-Control-Request-Method` and `-Headers`. Rules are exercised at and beyond each
// boundary, so every "preflight" row has a "no preflight" twin that differs in one byte or
// one header (and the other way round).
import type {
  HeadersInit,
  Scenario,
  ScenarioRequest,
  ScenarioServer,
} from '../../src/scenario/types.js';

/** A server that allows whatever the preflight asks for. */
const ALLOW_ALL: ScenarioServer = {
  preflight: {
    status: 204,
    headers: [
      ['Access-Control-Allow-Origin', '<origin>'],
      ['Access-Control-Allow-Methods', '<acrm>'],
      ['Access-Control-Allow-Headers', '<acrh>'],
    ],
  },
  actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' }, body: 'ok' },
};

function row(name: string, title: string, request: ScenarioRequest, anchors: string[]): Scenario {
  return {
    id: `preflight-triggers/${name}`,
    title,
    anchors: [...anchors, 'cors-preflight-fetch-0'],
    request: { target: 'cross-origin', ...request },
    server: ALLOW_ALL,
  };
}

/** A GET carrying one header line. */
function withHeader(
  name: string,
  title: string,
  header: string,
  value: string,
  anchors: string[],
): Scenario {
  const headers: HeadersInit = [[header, value]];
  return row(name, title, { method: 'GET', headers }, anchors);
}

const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;
const SAFELISTED = ['cors-safelisted-request-header', 'cors-unsafe-request-header-names'];
const BYTES = [...SAFELISTED, 'cors-unsafe-request-header-byte'];

// Methods: GET/HEAD/POST are safelisted after normalization; everything else is preflighted
// with the method byte-exact in ACRM (`patch` is not normalized, `put` is).
const METHODS: [name: string, method: string][] = [
  ['get', 'GET'],
  ['head', 'HEAD'],
  ['post', 'POST'],
  ['get-lower', 'get'],
  ['post-mixed', 'pOsT'],
  ['put', 'PUT'],
  ['put-lower', 'put'],
  ['delete', 'DELETE'],
  ['delete-lower', 'delete'],
  ['options', 'OPTIONS'],
  ['options-lower', 'options'],
  ['patch', 'PATCH'],
  ['patch-lower', 'patch'],
  ['patch-mixed', 'PaTcH'],
  ['custom-upper', 'FOO'],
  ['custom-lower', 'foo'],
  ['custom-m-search', 'M-SEARCH'],
  ['custom-propfind', 'PROPFIND'],
  ['custom-token-chars', "X!#$%&'*+.^_`|~1"],
  ['custom-star', '*'],
];
const METHOD_ROWS = METHODS.map(([name, method]) =>
  row(`method-${name}`, `method '${method}'`, { method }, [
    'cors-safelisted-method',
    'concept-method-normalize',
  ]),
);

// Methods page JS may not use: not a token, or forbidden. Nothing is sent.
const BAD_METHOD_ROWS = [
  ['method-not-token-space', 'GE T'],
  ['method-not-token-paren', 'GET()'],
  ['method-forbidden-connect', 'CONNECT'],
  ['method-forbidden-trace-lower', 'trace'],
  ['method-forbidden-track', 'Track'],
].map(([name, method]) =>
  row(name!, `method '${method!}' throws at construction, nothing sent`, { method: method! }, [
    'concept-method',
    'forbidden-method',
  ]),
);

// The same methods through XMLHttpRequest.open().
const XHR_METHOD_ROWS = [
  ['xhr-method-put-lower', 'put'],
  ['xhr-method-patch-lower', 'patch'],
  ['xhr-method-custom', 'FOO'],
  ['xhr-method-head', 'head'],
].map(([name, method]) =>
  row(name!, `XHR method '${method!}'`, { api: 'xhr', method: method! }, [
    'cors-safelisted-method',
    'concept-method-normalize',
  ]),
);

// Every CORS-unsafe request-header byte a header value can hold (NUL, LF and CR cannot be in
// a value at all), inside an `Accept` value: each one makes `Accept` unsafe.
const UNSAFE_BYTES = [
  ...Array.from({ length: 0x20 }, (_, b) => b).filter(
    (b) => b !== 0x00 && b !== 0x09 && b !== 0x0a && b !== 0x0d,
  ),
  0x22,
  0x28,
  0x29,
  0x3a,
  0x3c,
  0x3e,
  0x3f,
  0x40,
  0x5b,
  0x5c,
  0x5d,
  0x7b,
  0x7d,
  0x7f,
];
const UNSAFE_BYTE_ROWS = UNSAFE_BYTES.map((b) =>
  withHeader(
    `accept-byte-${hex(b)}`,
    `Accept containing byte ${hex(b)} → preflight, ACRH accept`,
    'Accept',
    `a${String.fromCharCode(b)}b`,
    BYTES,
  ),
);

// Their twins: bytes that are not CORS-unsafe keep `Accept` safelisted (no preflight).
const SAFE_BYTES = [0x09, 0x20, 0x21, 0x27, 0x2a, 0x2c, 0x2f, 0x3b, 0x3d, 0x7e, 0x80, 0xe9, 0xff];
const SAFE_BYTE_ROWS = SAFE_BYTES.map((b) =>
  withHeader(
    `accept-byte-${hex(b)}-safe`,
    `Accept containing byte ${hex(b)} → no preflight`,
    'Accept',
    `a${String.fromCharCode(b)}b`,
    BYTES,
  ),
);

// Accept-Language and Content-Language allow only 0-9 A-Z a-z, space and `*,-.;=`.
const LANGUAGE_VALUES: [name: string, value: string][] = [
  ['ok-list', 'en-US,en;q=0.9'],
  ['ok-star-dot', '* , x.y=1'],
  ['tab', 'en\tUS'],
  ['underscore', 'en_US'],
  ['slash', 'en/US'],
  ['plus', 'en+US'],
  ['colon', 'en:US'],
  ['non-ascii', 'fr-\u00e9'],
];
const LANGUAGE_ROWS = (['Accept-Language', 'Content-Language'] as const).flatMap((h) =>
  LANGUAGE_VALUES.map(([name, value]) =>
    withHeader(
      `${h.toLowerCase()}-${name}`,
      `${h}: ${JSON.stringify(value)}`,
      h,
      value,
      SAFELISTED,
    ),
  ),
);

// The 128-byte limit, for every safelisted name: 127 and 128 bytes pass, 129 fails.
const pad = (prefix: string, length: number, fill = 'a'): string =>
  prefix + fill.repeat(length - prefix.length);
const LENGTH_HEADERS: [name: string, prefix: string, fill: string][] = [
  ['Accept', 'text/', 'a'],
  ['Accept-Language', 'en-', 'a'],
  ['Content-Language', 'de-', 'a'],
  ['Content-Type', 'text/plain;a=', 'b'],
];
const LENGTH_ROWS = LENGTH_HEADERS.flatMap(([h, prefix, fill]) =>
  [127, 128, 129].map((n) =>
    withHeader(
      `${h.toLowerCase()}-length-${n}`,
      `${h} of ${n} bytes`,
      h,
      pad(prefix, n, fill),
      SAFELISTED,
    ),
  ),
);
// Range reaches 128 bytes through leading zeros (`bytes=000…01-`), so the number stays small.
const rangeOfLength = (n: number): string => `${pad('bytes=', n - 2, '0')}1-`;
const RANGE_LENGTH_ROWS = [
  ...[128, 129].map((n) =>
    withHeader(`range-length-${n}`, `Range of ${n} bytes`, 'Range', rangeOfLength(n), [
      ...SAFELISTED,
      'simple-range-header-value',
    ]),
  ),
  // A position past 2^64 is still ASCII digits to the standard (no upper bound).
  withHeader(
    'range-position-beyond-64-bit',
    'Range: bytes=0-<21 digits> (a number above 2^64)',
    'Range',
    `bytes=0-${'9'.repeat(21)}`,
    [...SAFELISTED, 'simple-range-header-value'],
  ),
];

// Content-Type: parsed with "parse a MIME type"; the essence must be one of three.
const CONTENT_TYPES: [name: string, value: string][] = [
  ['text-plain', 'text/plain'],
  ['form-urlencoded', 'application/x-www-form-urlencoded'],
  ['multipart-no-boundary', 'multipart/form-data'],
  ['upper-case-with-param', 'TEXT/Plain;charset=x'],
  ['space-before-param', 'text/plain ;x'],
  ['params-several', 'text/plain;a=b;c=d'],
  ['param-no-value', 'text/plain;charset'],
  ['param-empty-name', 'text/plain;=x'],
  ['trailing-semicolon', 'text/plain;'],
  ['trailing-tab', 'text/plain\t'],
  ['leading-space', ' text/plain'],
  ['charset-quoted', 'text/plain; charset="utf-8"'],
  ['param-angle', 'text/plain;a=<b>'],
  ['space-in-type', 'text /plain'],
  ['list-of-two', 'text/plain, application/json'],
  ['empty', ''],
  ['no-slash', 'text'],
  ['empty-subtype', 'text/'],
  ['empty-type', '/plain'],
  ['subtype-suffix', 'text/plainx'],
  ['two-slashes', 'text/plain/x'],
  ['star-star', '*/*'],
  ['text-star', 'text/*'],
  ['application-json', 'application/json'],
  ['text-html', 'text/html'],
  ['csp-report', 'application/csp-report'],
];
const CONTENT_TYPE_ROWS = CONTENT_TYPES.map(([name, value]) =>
  row(
    `content-type-${name}`,
    `POST with Content-Type: ${JSON.stringify(value)}`,
    { method: 'POST', body: 'x', headers: [['Content-Type', value]] },
    [...SAFELISTED, 'parse-a-mime-type'],
  ),
);
// Blob bodies set Content-Type from the blob's type.
const BLOB_ROWS = [
  ['blob-application-json', 'application/json'],
  ['blob-text-plain-charset', 'text/plain;charset=utf-8'],
  ['blob-text-csv', 'text/csv'],
].map(([name, type]) =>
  row(
    name!,
    `POST Blob of type ${type!}`,
    { method: 'POST', body: { kind: 'blob', value: 'x', type: type! } },
    [...SAFELISTED, 'bodyinit-unions'],
  ),
);

// Range: a single `bytes=start-[end]` range, no whitespace, no suffix range.
const RANGES: [name: string, value: string][] = [
  ['open-end', 'bytes=0-'],
  ['closed', 'bytes=10-20'],
  ['zero-zero', 'bytes=0-0'],
  ['leading-zeros', 'bytes=00-01'],
  ['suffix', 'bytes=-500'],
  ['reversed', 'bytes=5-1'],
  ['space-after-equals', 'bytes= 0-1'],
  ['space-before-dash', 'bytes=0 -1'],
  ['space-before-equals', 'bytes =0-1'],
  ['two-ranges', 'bytes=0-1,2-3'],
  ['unit-capitalised', 'Bytes=0-'],
  ['unit-other', 'items=0-1'],
  ['no-range', 'bytes='],
  ['letters', 'bytes=a-b'],
];
const RANGE_ROWS = RANGES.map(([name, value]) =>
  withHeader(`range-${name}`, `Range: ${value}`, 'Range', value, [
    ...SAFELISTED,
    'simple-range-header-value',
  ]),
);

// The 1024-byte total: values of safelisted headers add up, each entry counted separately.
const v128 = (prefix: string): string => pad(prefix, 128);
const repeat = (n: number, h: string, value: string): HeadersInit =>
  Array.from({ length: n }, () => [h, value] as [string, string]);
const TOTAL_ROWS = [
  row(
    'total-accept-8x128',
    'eight Accept lines of 128 bytes (1024 in total) → no preflight',
    { method: 'GET', headers: repeat(8, 'Accept', v128('text/')) },
    SAFELISTED,
  ),
  row(
    'total-accept-8x128-plus-1',
    'eight Accept lines of 128 bytes plus Content-Language: a (1025) → preflight',
    {
      method: 'GET',
      headers: [
        ...(repeat(8, 'Accept', v128('text/')) as [string, string][]),
        ['Content-Language', 'a'],
      ],
    },
    SAFELISTED,
  ),
  row(
    'total-mixed-4-and-4',
    'four Accept and four Accept-Language lines of 128 bytes (1024) → no preflight',
    {
      method: 'GET',
      headers: [
        ...(repeat(4, 'Accept', v128('text/')) as [string, string][]),
        ...(repeat(4, 'Accept-Language', v128('en-')) as [string, string][]),
      ],
    },
    SAFELISTED,
  ),
  row(
    'total-content-language-8x128',
    'eight Content-Language lines of 128 bytes (1024) plus the UA Accept */* → preflight',
    { method: 'GET', headers: repeat(8, 'Content-Language', v128('de-')) },
    [...SAFELISTED, 'concept-fetch'],
  ),
  row(
    'total-content-language-1021',
    'Content-Language lines adding up to 1021 bytes plus the UA Accept */* (1024) → no preflight',
    {
      method: 'GET',
      headers: [
        ...(repeat(7, 'Content-Language', v128('de-')) as [string, string][]),
        ['Content-Language', pad('de-', 125)],
      ],
    },
    [...SAFELISTED, 'concept-fetch'],
  ),
  row(
    'total-xhr-accept-combined',
    'XHR: two Accept setRequestHeader calls of 100 bytes combine into one 202-byte value → preflight',
    { api: 'xhr', method: 'GET', headers: repeat(2, 'Accept', pad('text/', 100)) },
    [...SAFELISTED, 'dom-xmlhttprequest-setrequestheader'],
  ),
  row(
    'total-xhr-accept-combined-short',
    'XHR: two Accept setRequestHeader calls of 60 bytes combine into 122 bytes → no preflight',
    { api: 'xhr', method: 'GET', headers: repeat(2, 'Accept', pad('text/', 60)) },
    [...SAFELISTED, 'dom-xmlhttprequest-setrequestheader'],
  ),
];

// Forbidden request-headers are dropped silently: no header, so no preflight for a GET.
const FORBIDDEN_NAMES = [
  'Accept-Charset',
  'Accept-Encoding',
  'Access-Control-Request-Headers',
  'Access-Control-Request-Method',
  'Connection',
  'Content-Length',
  'Cookie',
  'Cookie2',
  'Date',
  'DNT',
  'Expect',
  'Host',
  'Keep-Alive',
  'Origin',
  'Referer',
  'Set-Cookie',
  'TE',
  'Trailer',
  'Transfer-Encoding',
  'Upgrade',
  'Via',
  'Proxy-Foo',
  'Sec-Foo',
];
const FORBIDDEN_ROWS = FORBIDDEN_NAMES.map((h) =>
  withHeader(
    `forbidden-${h.toLowerCase()}`,
    `GET setting forbidden ${h} → dropped, no preflight`,
    h,
    h === 'Content-Length' ? '1' : 'x',
    ['forbidden-request-header'],
  ),
);
// With a PUT the preflight happens anyway: a dropped header is not named in ACRH.
const FORBIDDEN_PUT_ROWS = [
  row(
    'forbidden-dropped-from-acrh',
    'PUT with X-Foo, Cookie, Sec-Foo, DNT → ACRH x-foo only',
    {
      method: 'PUT',
      headers: [
        ['X-Foo', '1'],
        ['Cookie', 'a=b'],
        ['Sec-Foo', '1'],
        ['DNT', '1'],
      ],
    },
    ['forbidden-request-header', 'cors-unsafe-request-header-names'],
  ),
  row(
    'forbidden-xhr-dropped',
    'XHR PUT with Proxy-Foo and Via → dropped, no ACRH',
    {
      api: 'xhr',
      method: 'PUT',
      headers: [
        ['Proxy-Foo', '1'],
        ['Via', '1'],
      ],
    },
    ['forbidden-request-header'],
  ),
];
// Method-override headers are forbidden only when their value names a forbidden method.
const OVERRIDES: [name: string, header: string, value: string][] = [
  ['override-trace', 'X-HTTP-Method-Override', 'TRACE'],
  ['override-list-connect', 'X-HTTP-Method-Override', 'get, connect'],
  ['override-track-spaces', 'X-Method-Override', ' \ttrack'],
  ['override-quoted-list', 'X-HTTP-Method', '"a",TRACE'],
  ['override-patch', 'X-HTTP-Method-Override', 'PATCH'],
  ['override-quoted-trace', 'X-HTTP-Method-Override', '"TRACE"'],
  ['override-tracex', 'X-HTTP-Method', 'TRACEX'],
];
const OVERRIDE_ROWS = [
  ...OVERRIDES.map(([name, h, v]) =>
    withHeader(`forbidden-${name}`, `${h}: ${JSON.stringify(v)}`, h, v, [
      'forbidden-request-header',
    ]),
  ),
  // Content-Type twice: one combined value, `text/plain;charset=UTF-8, text/plain;charset=UTF-8`,
  // which the MIME type parser reads as text/plain with a parameter: still safelisted.
  row(
    'content-type-text-plain-twice',
    'POST with Content-Type text/plain;charset=UTF-8 twice: one safelisted value, no preflight',
    {
      method: 'POST',
      body: 'x',
      headers: [
        ['Content-Type', 'text/plain;charset=UTF-8'],
        ['Content-Type', 'text/plain;charset=UTF-8'],
      ],
    },
    ['cors-safelisted-request-header', 'concept-header-list-sort-and-combine'],
  ),
  // Two lines: page JS hands fetch() a Headers object, whose iteration combines them into
  // `PUT, CONNECT`, a forbidden value, so the header is dropped and nothing is preflighted.
  row(
    'method-override-forbidden-in-second-line',
    'X-HTTP-Method-Override PUT, then CONNECT: one combined forbidden value, dropped',
    {
      method: 'GET',
      headers: [
        ['X-HTTP-Method-Override', 'PUT'],
        ['X-HTTP-Method-Override', 'CONNECT'],
      ],
    },
    ['forbidden-request-header', 'concept-header-list-sort-and-combine'],
  ),
];

// Headers that are never safelisted in the standard.
const UNSAFE_NAMES: [name: string, header: string, value: string][] = [
  ['authorization', 'Authorization', 'Bearer x'],
  ['cache-control', 'Cache-Control', 'no-cache'],
  ['pragma', 'Pragma', 'no-cache'],
  ['if-none-match', 'If-None-Match', '"x"'],
  ['x-custom', 'X-Custom', '1'],
  ['x-requested-with', 'X-Requested-With', 'XMLHttpRequest'],
  ['user-agent', 'User-Agent', 'OK'],
  ['content-encoding', 'Content-Encoding', 'gzip'],
];
const UNSAFE_NAME_ROWS = UNSAFE_NAMES.map(([name, h, v]) =>
  withHeader(`unsafe-${name}`, `GET with ${h} → preflight`, h, v, SAFELISTED),
);

// Chromium's extra safelisted names (Client Hints and friends): well-formed values skip
// the preflight there; the standard preflights them all.
const EXTENSIONS: [name: string, header: string, value: string][] = [
  ['dpr', 'DPR', '2'],
  ['dpr-decimal', 'DPR', '1.5'],
  ['dpr-bad', 'DPR', 'x'],
  ['device-memory', 'Device-Memory', '8'],
  ['downlink', 'Downlink', '10.5'],
  ['width', 'Width', '100'],
  ['width-decimal', 'Width', '1.5'],
  ['viewport-width', 'Viewport-Width', '800'],
  ['rtt', 'RTT', '50'],
  ['ect', 'ECT', '4g'],
  ['ect-bad', 'ECT', '5g'],
  ['save-data', 'Save-Data', 'on'],
  ['save-data-off', 'Save-Data', 'off'],
  ['intervention', 'Intervention', '<https://x/>'],
];
const EXTENSION_ROWS = EXTENSIONS.map(([name, h, v]) =>
  withHeader(`extension-${name}`, `GET with ${h}: ${v}`, h, v, SAFELISTED),
);

// The use-CORS-preflight flag: XHR upload listeners force a preflight even for safe requests.
const FORCED_ROWS = [
  row(
    'xhr-upload-listener-post',
    'XHR POST text with an upload listener → preflight',
    { api: 'xhr', method: 'POST', body: 'x', uploadListener: true },
    ['the-send'],
  ),
  row(
    'xhr-no-upload-listener-post',
    'XHR POST text without an upload listener → no preflight',
    { api: 'xhr', method: 'POST', body: 'x' },
    ['the-send'],
  ),
];

// no-cors requests never preflight: unsafe headers are dropped instead.
const NO_CORS_ROWS = [
  row(
    'no-cors-custom-header',
    "mode 'no-cors' GET with X-Custom → dropped, no preflight, opaque",
    { method: 'GET', mode: 'no-cors', headers: { 'X-Custom': '1' } },
    ['no-cors-safelisted-request-header'],
  ),
  row(
    'no-cors-json-content-type',
    "mode 'no-cors' POST with Content-Type application/json → dropped, no preflight",
    { method: 'POST', mode: 'no-cors', body: 'x', headers: { 'Content-Type': 'application/json' } },
    ['no-cors-safelisted-request-header'],
  ),
];

export const PREFLIGHT_TRIGGER_SCENARIOS = [
  ...METHOD_ROWS,
  ...BAD_METHOD_ROWS,
  ...XHR_METHOD_ROWS,
  ...UNSAFE_BYTE_ROWS,
  ...SAFE_BYTE_ROWS,
  ...LANGUAGE_ROWS,
  ...LENGTH_ROWS,
  ...RANGE_LENGTH_ROWS,
  ...CONTENT_TYPE_ROWS,
  ...BLOB_ROWS,
  ...RANGE_ROWS,
  ...TOTAL_ROWS,
  ...FORBIDDEN_ROWS,
  ...FORBIDDEN_PUT_ROWS,
  ...OVERRIDE_ROWS,
  ...UNSAFE_NAME_ROWS,
  ...EXTENSION_ROWS,
  ...FORCED_ROWS,
  ...NO_CORS_ROWS,
] satisfies Scenario[];
