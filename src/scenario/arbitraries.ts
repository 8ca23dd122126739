// fast-check generators of VALID portable scenarios across the space the model covers:
// method spellings, safelisted / unsafe / forbidden request headers at their boundaries,
// modes and credentials, server answers whose CORS headers vary in case, whitespace,
// duplicates, `*` and invalid tokens, statuses, short redirect chains and `then` steps.
// Every value generated passes `parseScenario` (a property test checks it).
import fc from 'fast-check';
import type {
  BodySpec,
  ClientKind,
  HeaderList,
  HeadersInit,
  OriginRole,
  RedirectHop,
  ResponseSpec,
  Scenario,
  ScenarioRequest,
  ScenarioServer,
  ThenStep,
} from './types.js';
import {
  CLIENT_KINDS,
  CROSSORIGIN_APIS,
  CROSSORIGIN_VALUES,
  ORIGIN_ROLES,
  VARIANTS,
} from './types.js';

const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** An HTTP token (header name or method), 1-12 characters. */
export const tokenArb: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...TOKEN_CHARS),
  minLength: 1,
  maxLength: 12,
});

/** A value JS can send in a header: bytes 0x01-0xFF except CR and LF. */
export const byteStringArb: fc.Arbitrary<string> = fc.string({
  unit: fc
    .integer({ min: 1, max: 0xff })
    .filter((c) => c !== 0x0a && c !== 0x0d)
    .map((c) => String.fromCharCode(c)),
  maxLength: 16,
});

/** Methods: safelisted, other, forbidden, in several cases, plus arbitrary tokens. */
export const methodArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('GET', 'HEAD', 'POST', 'get', 'head', 'post', 'Post') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('PUT', 'put', 'DELETE', 'delete', 'PATCH', 'patch', 'Patch'),
  },
  { weight: 1, arbitrary: fc.constantFrom('OPTIONS', 'options', 'QUERY', 'PROPFIND') },
  { weight: 1, arbitrary: fc.constantFrom('CONNECT', 'TRACE', 'TRACK', 'connect', 'trace') },
  { weight: 2, arbitrary: tokenArb },
);

/** Changes the case of a header name the way authors do. */
function caseVariant(name: string): fc.Arbitrary<string> {
  const title = name.replace(
    /(^|-)([a-z])/g,
    (_m, dash: string, c: string) => dash + c.toUpperCase(),
  );
  return fc.constantFrom(name, name.toUpperCase(), title);
}

function line(names: string[], values: fc.Arbitrary<string>): fc.Arbitrary<[string, string]> {
  return fc
    .tuple(fc.constantFrom(...names).chain(caseVariant), values)
    .map(([n, v]): [string, string] => [n, v]);
}

const at128 = 'a'.repeat(128);
const at129 = 'a'.repeat(129);

/** CORS-safelisted request headers with values inside and just outside their limits. */
export const safelistedRequestHeaderArb: fc.Arbitrary<[string, string]> = fc.oneof(
  line(['accept'], fc.constantFrom('*/*', 'text/html', '', at128, at129, 'a"b', 'x{y}', 'a\u00ff')),
  line(
    ['accept-language', 'content-language'],
    fc.constantFrom('en-US', 'de;q=0.8, en', '', '*', at128, at129, 'en@x', 'fr\t'),
  ),
  line(
    ['content-type'],
    fc.constantFrom(
      'text/plain',
      'TEXT/PLAIN',
      'text/plain;charset=UTF-8',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json',
      'text/plain, application/json',
      'text/plain; a="{"',
      '',
      `text/plain;${'a'.repeat(120)}`,
    ),
  ),
  line(
    ['range'],
    fc.constantFrom(
      'bytes=0-',
      'bytes=0-10',
      'bytes=10-5',
      'bytes=-5',
      'BYTES=0-',
      'bytes=0-1,2-3',
      'bytes = 0-',
    ),
  ),
);

/** Request headers that need a preflight (or are Chromium's extra safelisted ones). */
export const unsafeRequestHeaderArb: fc.Arbitrary<[string, string]> = fc.oneof(
  line(['x-foo', 'x-requested-with', 'x-custom-header'], byteStringArb),
  line(['authorization'], fc.constantFrom('Bearer t', 'Basic dTpw', '')),
  line(['cache-control', 'if-none-match', 'pragma'], fc.constantFrom('no-cache', '"e"', '')),
  line(['dpr', 'width', 'viewport-width', 'save-data'], fc.constantFrom('1', '2.5', 'on', 'x y')),
  tokenArb.chain((n) => line([`x-${n.toLowerCase()}`], byteStringArb)),
);

/** Forbidden request headers (dropped silently by fetch) and the method-override trio. */
export const forbiddenRequestHeaderArb: fc.Arbitrary<[string, string]> = fc.oneof(
  line(
    [
      'cookie',
      'host',
      'origin',
      'referer',
      'user-agent',
      'accept-charset',
      'connection',
      'content-length',
      'keep-alive',
      'proxy-authorization',
      'sec-fetch-mode',
      'access-control-request-method',
    ],
    fc.constantFrom('x', 'a=b', 'http://evil.test'),
  ),
  line(
    ['x-http-method-override', 'x-http-method', 'x-method-override'],
    fc.constantFrom('CONNECT', 'get', 'TRACE, GET', 'PUT'),
  ),
);

/** Any request header line, mostly ones that matter for CORS. */
export const requestHeaderLineArb: fc.Arbitrary<[string, string]> = fc.oneof(
  { weight: 3, arbitrary: safelistedRequestHeaderArb },
  { weight: 3, arbitrary: unsafeRequestHeaderArb },
  { weight: 1, arbitrary: forbiddenRequestHeaderArb },
);

/** A list of lines written in either authoring form (object, or `[name, value]` pairs). */
export function headersInitArb(
  lineArb: fc.Arbitrary<[string, string]>,
  maxLength = 4,
): fc.Arbitrary<HeadersInit> {
  return fc
    .tuple(fc.array(lineArb, { maxLength }), fc.boolean())
    .map(([lines, asPairs]) => (asPairs ? lines : toObjectForm(lines)));
}

// Object form: one key per exact name; repeated names become arrays (order kept per name).
function toObjectForm(lines: HeaderList): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of lines) {
    const had = Object.prototype.hasOwnProperty.call(out, name) ? out[name] : undefined;
    if (had === undefined) out[name] = value;
    else out[name] = Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

const ws = (values: string[]): string[] => [
  ...values,
  ...values.map((v) => ` ${v} `),
  ...values.map((v) => `\t${v}`),
];

/**
 * Access-Control-Allow-Origin values that resemble the page's origin without being it (roles
 * are fixed, so lookalikes are header VALUES): a suffix, a prefix, another scheme, a trailing
 * slash, a default or wrong port, the host alone, the opaque origin spelled as `null`.
 */
export const LOOKALIKE_ORIGIN_VALUES: readonly string[] = [
  'http://<host>.evil',
  'http://x<host>',
  'https://<host>',
  'http://<host>/',
  'http://<host>:80',
  '<host>',
  'http://sub.<host>',
  'HTTP://<host>',
];

/** CORS response header lines with case, whitespace, `*`, duplicates and invalid tokens. */
export const corsResponseHeaderLineArb: fc.Arbitrary<[string, string]> = fc.oneof(
  line(
    ['access-control-allow-origin'],
    fc.constantFrom(
      ...ws(['<origin>', '*', '<request-origin>']),
      '<ORIGIN>',
      'null',
      'http://example.com:4001',
      '<origin>/',
      '<target-origin>',
      '',
      '<origin>, <origin>',
      '<origin> *',
      ...LOOKALIKE_ORIGIN_VALUES,
    ),
  ),
  line(
    ['access-control-allow-credentials'],
    fc.constantFrom(...ws(['true']), 'TRUE', 'True', 'false', '', 'true, true', '1'),
  ),
  line(
    ['access-control-allow-methods'],
    fc.constantFrom(
      ...ws(['*', 'PUT', '<acrm>']),
      'put',
      'GET, PUT',
      'PUT,',
      ',PUT',
      'P UT',
      'PATCH',
      'patch',
      '',
      'DELETE, *',
      'PUT,,DELETE',
      'P\u00e9T',
    ),
  ),
  line(
    ['access-control-allow-headers'],
    fc.constantFrom(
      ...ws(['*', '<acrh>', 'x-foo']),
      'X-FOO',
      'x-foo, x-bar',
      'authorization',
      '*, authorization',
      'Authorization, *',
      'x foo',
      '',
      ',',
      'x-foo,,',
    ),
  ),
  line(
    ['access-control-expose-headers'],
    fc.constantFrom(...ws(['*', 'x-seen']), 'X-Seen, content-length', 'x seen', '', 'set-cookie'),
  ),
  line(
    ['access-control-max-age'],
    fc.constantFrom(
      '0',
      '5',
      '-1',
      '600',
      '7200',
      '86400',
      '1e3',
      ' 10',
      '10.5',
      '',
      'abc',
      '99999999999',
      '10, 20',
    ),
  ),
  // The model leaves the HTTP cache out (fixture responses are never reused), so a generated
  // Cache-Control always forbids storing: any other value lets an engine answer a later step
  // from its HTTP cache (Chromium holds a 300, 301, 308 or 410 without explicit freshness as
  // fresh). Mapped after drawing, so every other generated value stays as it was.
  line(
    ['content-type', 'x-seen', 'cache-control', 'vary', 'set-cookie'],
    fc.constantFrom('text/plain', '1', 'no-store', 'Origin', 'sid=1; Path=/'),
  ).map(([n, v]): [string, string] => [n, n.toLowerCase() === 'cache-control' ? 'no-store' : v]),
);

/** Response statuses: the common ones, redirects, errors, and any in range. */
export const statusArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(200, 201, 204, 206, 299, 300, 304, 400, 403, 404, 500, 503),
  fc.integer({ min: 200, max: 599 }),
);

/** One server answer. */
export const responseArb: fc.Arbitrary<ResponseSpec> = fc.record(
  {
    status: statusArb,
    statusText: fc.constantFrom('OK', '', 'Whatever You Like'),
    headers: headersInitArb(corsResponseHeaderLineArb, 6),
    body: fc.constantFrom('', 'hello'),
  },
  { requiredKeys: ['status'] },
);

const roleArb: fc.Arbitrary<OriginRole> = fc.constantFrom(...ORIGIN_ROLES);

/** A redirect hop (mostly real redirect statuses), optionally with its own preflight answer. */
export const redirectHopArb: fc.Arbitrary<RedirectHop> = fc.record(
  {
    status: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(301, 302, 303, 307, 308) },
      { weight: 1, arbitrary: fc.constantFrom(200, 300, 304) },
    ),
    to: roleArb,
    headers: headersInitArb(corsResponseHeaderLineArb, 3),
    userinfo: fc.constantFrom('user:pass', 'user', ''),
    noLocation: fc.boolean(),
    preflight: fc.option(responseArb, { nil: null }),
  },
  { requiredKeys: ['status', 'to'] },
);

/** What the servers answer: preflight (or null), actual, up to 3 redirect hops. */
export const serverArb: fc.Arbitrary<ScenarioServer> = fc.record(
  {
    preflight: fc.option(responseArb, { nil: null }),
    actual: responseArb,
    redirects: fc.array(redirectHopArb, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** Bodies of every BodyInit kind. */
export const bodyArb: fc.Arbitrary<BodySpec> = fc.oneof(
  fc.constantFrom('', 'a=1'),
  fc.constantFrom<BodySpec>(
    { kind: 'text', value: 'x' },
    { kind: 'url-search-params', value: 'a=1&b=2' },
    { kind: 'form-data', fields: { a: '1' } },
    { kind: 'blob', value: 'x', type: 'text/plain' },
    { kind: 'blob', value: 'x', type: '' },
    { kind: 'blob', value: '{}', type: 'application/json' },
    { kind: 'array-buffer', value: 'x' },
    { kind: 'stream', value: 'x' },
  ),
);

// Fields shared by the first request and follow-up overrides (no XHR-only ones).
const commonRequestFields = {
  method: methodArb,
  mode: fc.constantFrom('cors' as const, 'no-cors' as const, 'same-origin' as const),
  credentials: fc.constantFrom('omit' as const, 'same-origin' as const, 'include' as const),
  redirect: fc.constantFrom('follow' as const, 'error' as const, 'manual' as const),
  body: bodyArb,
  referrerPolicy: fc.constantFrom('' as const, 'no-referrer' as const, 'unsafe-url' as const),
  cache: fc.constantFrom(
    'default' as const,
    'no-store' as const,
    'reload' as const,
    'no-cache' as const,
    'force-cache' as const,
  ),
  query: fc.constantFrom('a=1', 'b=2', ''),
};

const fetchRequestArb: fc.Arbitrary<ScenarioRequest> = fc.record(
  {
    ...commonRequestFields,
    headers: headersInitArb(requestHeaderLineArb),
    target: roleArb,
    api: fc.constant('fetch' as const),
  },
  { requiredKeys: [] },
);

const xhrRequestArb: fc.Arbitrary<ScenarioRequest> = fc.record(
  {
    ...commonRequestFields,
    headers: headersInitArb(requestHeaderLineArb),
    target: roleArb,
    api: fc.constant('xhr' as const),
    uploadListener: fc.boolean(),
    withCredentials: fc.boolean(),
  },
  { requiredKeys: ['api'] },
);

/** A first request, made with fetch (mostly) or XHR. */
export const requestArb: fc.Arbitrary<ScenarioRequest> = fc.oneof(
  { weight: 4, arbitrary: fetchRequestArb },
  { weight: 1, arbitrary: xhrRequestArb },
);

const overrideHeadersArb: fc.Arbitrary<Record<string, string | string[] | null>> = fc
  .array(
    fc.tuple(
      requestHeaderLineArb,
      fc.constantFrom<'set' | 'remove' | 'twice'>('set', 'remove', 'twice'),
    ),
    { maxLength: 3 },
  )
  .map((entries) => {
    const out: Record<string, string | string[] | null> = {};
    for (const [[name, value], how] of entries) {
      out[name] = how === 'remove' ? null : how === 'twice' ? [value, value] : value;
    }
    return out;
  });

/** A follow-up step, nesting up to `depth` more steps. */
export function thenStepArb(depth = 1): fc.Arbitrary<ThenStep> {
  const fields = {
    delayMs: fc.constantFrom(0, 10, 1000, 5001, 600_000),
    request: fc.record(
      { ...commonRequestFields, headers: overrideHeadersArb },
      { requiredKeys: [] },
    ),
  };
  if (depth <= 0) return fc.record(fields, { requiredKeys: [] });
  return fc.record({ ...fields, then: thenStepArb(depth - 1) }, { requiredKeys: [] });
}

/** A whole valid scenario. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc.record(
  {
    id: fc.constantFrom('generated/one', 'generated/two'),
    anchors: fc.constant(['concept-cors-check']),
    version: fc.constant(1),
    client: fc.constantFrom<ClientKind>(...CLIENT_KINDS),
    request: requestArb,
    server: serverArb,
    setup: fc.record({
      cookies: fc.array(
        fc.record(
          {
            on: roleArb,
            name: tokenArb,
            value: fc.constantFrom('1', 'abc'),
            attributes: fc.constantFrom('Path=/', 'SameSite=None; Secure'),
          },
          { requiredKeys: ['on', 'name', 'value'] },
        ),
        { maxLength: 2 },
      ),
    }),
    then: thenStepArb(1),
    origins: fc.constant({ 'cross-origin': 'http://example.net:5000' }),
  },
  { requiredKeys: ['request'] },
);

// ---- Initiators: a separate generator, so the streams above (and the replay ids recorded
// from them) stay as they are ----

/** Where an initiator's request goes: every role a top page can address. */
const pageRoleArb: fc.Arbitrary<OriginRole> = fc.constantFrom(
  ...ORIGIN_ROLES.filter((r) => r !== 'same-origin-of-parent'),
);

const crossoriginArb = fc.constantFrom(...CROSSORIGIN_VALUES);

/** An element with a CORS settings attribute (its variant where it has one). */
const elementRequestArb: fc.Arbitrary<ScenarioRequest> = fc
  .record(
    {
      api: fc.constantFrom(...CROSSORIGIN_APIS),
      crossorigin: crossoriginArb,
      target: pageRoleArb,
      pick: fc.nat(),
    },
    { requiredKeys: ['api', 'target', 'pick'] },
  )
  .map(({ pick, ...r }) => {
    const variants = VARIANTS[r.api];
    if (variants === undefined) return r;
    const variant = variants[pick % variants.length];
    return variant === undefined || (r.api === 'video' && variant === 'load')
      ? r
      : { ...r, variant };
  });

/** Initiators without the attribute, with the fields each can express. */
const otherInitiatorArb: fc.Arbitrary<ScenarioRequest> = fc.oneof(
  fc.record({
    api: fc.constant('css-image' as const),
    variant: fc.constantFrom('background-image', 'mask-image'),
    target: pageRoleArb,
  }),
  fc.record({
    api: fc.constant('font' as const),
    variant: fc.constantFrom('font-face', 'font-face-load'),
    target: pageRoleArb,
  }),
  fc.record({
    api: fc.constantFrom(
      'worker' as const,
      'shared-worker' as const,
      'importScripts' as const,
      'dynamic-import' as const,
      'websocket' as const,
    ),
    target: pageRoleArb,
  }),
  fc.record(
    {
      api: fc.constant('module-worker' as const),
      credentials: fc.constantFrom('omit' as const, 'same-origin' as const, 'include' as const),
      target: pageRoleArb,
    },
    { requiredKeys: ['api', 'target'] },
  ),
  fc.record(
    {
      api: fc.constant('eventsource' as const),
      credentials: fc.constant('include' as const),
      target: pageRoleArb,
    },
    { requiredKeys: ['api', 'target'] },
  ),
  fc.record(
    {
      api: fc.constant('beacon' as const),
      body: bodyArb.filter((b) => typeof b === 'string' || b.kind !== 'stream'),
      target: pageRoleArb,
    },
    { requiredKeys: ['api', 'target'] },
  ),
  fc
    .record(
      {
        api: fc.constant('fetch-keepalive' as const),
        method: fc.constantFrom('GET', 'POST', 'PUT'),
        credentials: fc.constantFrom('omit' as const, 'same-origin' as const, 'include' as const),
        headers: headersInitArb(requestHeaderLineArb),
        target: pageRoleArb,
        body: bodyArb.filter((b) => typeof b === 'string' || b.kind !== 'stream'),
      },
      { requiredKeys: ['api', 'method', 'target'] },
    )
    .map((r) => {
      if (r.method !== 'GET') return r;
      const { body: _body, ...rest } = r;
      return rest;
    }),
  fc
    .record({
      api: fc.constant('form' as const),
      method: fc.constantFrom('GET', 'POST'),
      body: fc.constantFrom<BodySpec>(
        { kind: 'url-search-params', value: 'a=1' },
        { kind: 'form-data', fields: { a: '1' } },
      ),
      target: pageRoleArb,
    })
    .map((r) => (r.method === 'POST' ? r : { api: r.api, method: r.method, target: r.target })),
);

/** A request from one of the initiators (not fetch() or XHR), valid for its api. */
export const initiatorRequestArb: fc.Arbitrary<ScenarioRequest> = fc.oneof(
  { weight: 1, arbitrary: elementRequestArb },
  { weight: 1, arbitrary: otherInitiatorArb },
);
