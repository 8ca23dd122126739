// Building the request from page JS, and the engine profiles.
import { expect, test } from '@playwright/test';
import type { ScenarioRequest } from '../scenario/types.js';
import { ENGINE_NAMES } from './engine-profile.js';
import type { EngineKnobs } from './engine-profile.js';
import { parseSerializedOrigin } from './origin.js';
import { CHROMIUM, SPEC, getEngineProfile } from '../engine-facts/index.js';
import { MODEL_FORM_BOUNDARY, constructRequest } from './request.js';

const URL0 = 'http://example.net:4001/cors/model/0';
const ORIGIN = parseSerializedOrigin('http://example.com:4001');

function build(init: ScenarioRequest, profile = SPEC) {
  return constructRequest(init, URL0, ORIGIN, profile);
}

interface Row {
  name: string;
  init: ScenarioRequest;
  /** The header list after construction, or the step that threw. */
  headers?: [string, string][];
  throws?: { algorithm: string; step: string };
  method?: string;
  useCORSPreflight?: boolean;
  credentialsMode?: string;
}

const ROWS: Row[] = [
  // Defaults and TypeErrors.
  {
    name: 'defaults: GET, no headers',
    init: {},
    method: 'GET',
    headers: [],
    credentialsMode: 'same-origin',
  },
  { name: 'method get is normalized to GET', init: { method: 'get' }, method: 'GET' },
  { name: 'method pAtCh stays pAtCh', init: { method: 'pAtCh' }, method: 'pAtCh' },
  { name: 'custom token method is kept', init: { method: 'CHICKEN' }, method: 'CHICKEN' },
  {
    name: 'invalid method throws',
    init: { method: 'GE T' },
    throws: { algorithm: 'dom-request', step: '25.2' },
  },
  {
    name: 'forbidden method (any case) throws',
    init: { method: 'trace' },
    throws: { algorithm: 'dom-request', step: '25.2' },
  },
  {
    name: 'no-cors with PUT throws',
    init: { mode: 'no-cors', method: 'PUT' },
    throws: { algorithm: 'dom-request', step: '32.1' },
  },
  {
    name: 'only-if-cached outside same-origin throws',
    init: { cache: 'only-if-cached' },
    throws: { algorithm: 'dom-request', step: '21' },
  },
  {
    name: 'GET with a body throws',
    init: { body: 'x' },
    throws: { algorithm: 'dom-request', step: '35' },
  },
  {
    name: 'HEAD with a body throws',
    init: { method: 'HEAD', body: 'x' },
    throws: { algorithm: 'dom-request', step: '35' },
  },
  {
    name: 'a stream body in no-cors throws',
    init: { mode: 'no-cors', method: 'POST', body: { kind: 'stream', value: 'x' } },
    throws: { algorithm: 'dom-request', step: '39.2' },
  },
  {
    name: 'a stream body sets the use-CORS-preflight flag',
    init: { method: 'POST', body: { kind: 'stream', value: 'x' } },
    useCORSPreflight: true,
    headers: [],
  },
  // Guards.
  {
    name: 'request guard drops forbidden headers silently',
    init: { headers: { Cookie: 'a=1', 'Sec-X': '1', 'X-A': '1' } },
    headers: [['x-a', '1']],
  },
  {
    name: 'header values are normalized',
    init: { headers: { 'X-A': ' \t1 ' } },
    headers: [['x-a', '1']],
  },
  {
    name: 'an array value is several appends, combined by the Headers object init',
    init: { headers: { 'X-A': ['1', '2'] } },
    headers: [['x-a', '1, 2']],
  },
  {
    name: 'the Headers object init sorts names and judges the combined value',
    init: {
      headers: [
        ['X-HTTP-Method-Override', 'PUT'],
        ['Accept', 'a'],
        ['x-http-method-override', 'CONNECT'],
      ],
    },
    headers: [['accept', 'a']],
  },
  {
    name: 'an invalid header name throws',
    init: { headers: { 'X A': '1' } },
    throws: { algorithm: 'dom-request', step: '33.5' },
  },
  {
    name: 'X-HTTP-Method-Override with a forbidden method is dropped',
    init: { headers: { 'X-HTTP-Method-Override': 'get, connect' } },
    headers: [],
  },
  {
    name: 'request-no-cors keeps safelisted, drops X-A and Range',
    init: { mode: 'no-cors', headers: { Accept: 'a', 'X-A': '1', Range: 'bytes=0-' } },
    headers: [['accept', 'a']],
  },
  {
    name: 'request-no-cors tests the combined value of a repeated append',
    init: {
      mode: 'no-cors',
      headers: [
        ['Content-Language', 'en'],
        ['Content-Language', 'de_DE'],
      ],
    },
    headers: [],
  },
  // Body types.
  {
    name: 'string body: text/plain;charset=UTF-8',
    init: { method: 'POST', body: 'x' },
    headers: [['Content-Type', 'text/plain;charset=UTF-8']],
  },
  {
    name: 'URLSearchParams body',
    init: { method: 'POST', body: { kind: 'url-search-params', value: 'a=1' } },
    headers: [['Content-Type', 'application/x-www-form-urlencoded;charset=UTF-8']],
  },
  {
    name: 'FormData body',
    init: { method: 'POST', body: { kind: 'form-data', fields: { a: '1' } } },
    headers: [['Content-Type', `multipart/form-data; boundary=${MODEL_FORM_BOUNDARY}`]],
  },
  {
    name: 'Blob body with its type (lowercased)',
    init: { method: 'POST', body: { kind: 'blob', value: 'x', type: 'Application/JSON' } },
    headers: [['Content-Type', 'application/json']],
  },
  {
    name: 'Blob body without a type: no Content-Type',
    init: { method: 'POST', body: { kind: 'blob', value: 'x', type: '' } },
    headers: [],
  },
  {
    name: 'ArrayBuffer body: no Content-Type',
    init: { method: 'POST', body: { kind: 'array-buffer', value: 'x' } },
    headers: [],
  },
  {
    name: 'an author Content-Type wins over the body type',
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x' },
    headers: [['content-type', 'application/json']],
  },
  // XHR.
  {
    name: 'XHR: invalid method is a SyntaxError',
    init: { api: 'xhr', method: 'GE T' },
    throws: { algorithm: 'dom-xmlhttprequest-open', step: '2' },
  },
  {
    name: 'XHR: forbidden method is a SecurityError',
    init: { api: 'xhr', method: 'CONNECT' },
    throws: { algorithm: 'dom-xmlhttprequest-open', step: '3' },
  },
  {
    name: 'XHR: setRequestHeader combines repeats',
    init: { api: 'xhr', headers: { 'X-A': ['1', '2'] } },
    headers: [['X-A', '1, 2']],
  },
  {
    name: 'XHR: forbidden headers are ignored',
    init: { api: 'xhr', headers: { Origin: 'x', 'X-A': '1' } },
    headers: [['X-A', '1']],
  },
  {
    name: 'XHR: withCredentials means include',
    init: { api: 'xhr', withCredentials: true },
    credentialsMode: 'include',
  },
  {
    name: 'XHR: withCredentials false wins over credentials include',
    init: { api: 'xhr', withCredentials: false, credentials: 'include' },
    credentialsMode: 'same-origin',
  },
  {
    name: 'XHR: mode no-cors is not an XHR option',
    init: { api: 'xhr', mode: 'no-cors', method: 'PUT' },
    method: 'PUT',
  },
  { name: 'XHR: the body of a GET is ignored', init: { api: 'xhr', body: 'x' }, headers: [] },
  {
    name: 'XHR: upload listeners set the use-CORS-preflight flag',
    init: { api: 'xhr', uploadListener: true },
    useCORSPreflight: true,
  },
];

for (const row of ROWS) {
  test(`request: ${row.name}`, () => {
    const built = build(row.init);
    if (row.throws !== undefined) {
      expect(built.ok).toBe(false);
      if (!built.ok) expect(built.failure).toMatchObject(row.throws);
      return;
    }
    if (!built.ok) throw new Error(built.failure.message);
    const r = built.request;
    if (row.headers !== undefined) expect(r.headerList).toEqual(row.headers);
    if (row.method !== undefined) expect(r.method).toBe(row.method);
    if (row.useCORSPreflight !== undefined) expect(r.useCORSPreflight).toBe(row.useCORSPreflight);
    if (row.credentialsMode !== undefined) expect(r.credentialsMode).toBe(row.credentialsMode);
    expect(r.unsafeRequest).toBe(true);
    expect(r.responseTainting).toBe('basic');
  });
}

test('XHR: a request is always mode cors, redirect follow', () => {
  const built = build({ api: 'xhr', mode: 'no-cors', redirect: 'manual' });
  expect(built.ok && [built.request.mode, built.request.redirectMode]).toEqual(['cors', 'follow']);
});

test('Chromium drops User-Agent and says which knob did it', () => {
  const built = build({ headers: { 'User-Agent': 'OK' } }, CHROMIUM);
  expect(built.ok && built.request.headerList).toEqual([]);
  expect(built.because[0]?.deviation).toBe('userAgentIsForbidden');
  const spec = build({ headers: { 'User-Agent': 'OK' } });
  expect(spec.ok && spec.request.headerList).toEqual([['user-agent', 'OK']]);
});

// Profiles: one per engine name, with the behaviours each engine is known for.
test('getEngineProfile returns the profile of each name', () => {
  for (const name of ENGINE_NAMES) expect(getEngineProfile(name).name).toBe(name);
});

test("profiles carry the engines' behaviours", () => {
  const pick = (n: (typeof ENGINE_NAMES)[number]) => getEngineProfile(n);
  const column = <K extends keyof EngineKnobs>(k: K) => ENGINE_NAMES.map((n) => pick(n)[k]);
  expect(column('wildcardCoversAuthorization')).toEqual([false, true, true, true]);
  expect(column('maxAgeCapSeconds')).toEqual([86400, 7200, 86400, 600]);
  expect(column('preflightCacheShape')).toEqual([
    'entry-per-token',
    'result-per-url',
    'tokens-per-url-and-credentials',
    'result-per-url',
  ]);
  expect(column('maxAgeParsing')).toEqual([
    'delta-seconds',
    'signed-integer',
    'digits-else-uncached',
    'signed-integer',
  ]);
  expect(column('extraSafelistedRequestHeaders')).toEqual([false, true, false, false]);
  expect(column('userAgentIsForbidden')).toEqual([false, true, false, false]);
  expect(column('absentACAMAllowsForcedMethod')).toEqual([false, false, false, false]);
  expect(column('rangeUnitCaseInsensitive')).toEqual([false, false, false, true]);
  expect(column('nonASCIIByteIsCORSUnsafe')).toEqual([false, false, true, false]);
  expect(column('rangePositionLimit')).toEqual(['none', 'int64', 'uint64', 'int64']);
});

test('XHR send(): a non-UTF-8 charset of an author Content-Type is rewritten (string body)', () => {
  const xhr = build({
    api: 'xhr',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset="latin1"' },
    body: 'x',
  });
  expect(xhr.ok && xhr.request.headerList).toEqual([['Content-Type', 'text/plain;charset=UTF-8']]);
  const blob = build({
    api: 'xhr',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset="latin1"' },
    body: { kind: 'blob', value: 'x', type: '' },
  });
  expect(blob.ok && blob.request.headerList).toEqual([
    ['Content-Type', 'text/plain; charset="latin1"'],
  ]);
  const utf8 = build({
    api: 'xhr',
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'x',
  });
  expect(utf8.ok && utf8.request.headerList).toEqual([
    ['Content-Type', 'text/plain; charset=utf-8'],
  ]);
  const fetchBuilt = build({
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset="latin1"' },
    body: 'x',
  });
  expect(fetchBuilt.ok && fetchBuilt.request.headerList).toEqual([
    ['content-type', 'text/plain; charset="latin1"'],
  ]);
});

test('XHR upload listeners: the spec forces a preflight without a body; Chromium only with one', () => {
  const flag = (init: ScenarioRequest, profile = SPEC): boolean | undefined => {
    const built = build({ api: 'xhr', uploadListener: true, ...init }, profile);
    return built.ok ? built.request.useCORSPreflight : undefined;
  };
  expect(flag({ method: 'GET' })).toBe(true);
  expect(flag({ method: 'POST' })).toBe(true);
  expect(flag({ method: 'GET' }, CHROMIUM)).toBe(false);
  expect(flag({ method: 'POST' }, CHROMIUM)).toBe(false);
  expect(flag({ method: 'POST', body: 'x' }, CHROMIUM)).toBe(true);
  // A GET's body is ignored, so it never counts.
  expect(flag({ method: 'GET', body: 'x' }, CHROMIUM)).toBe(false);
});
