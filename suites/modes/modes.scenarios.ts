// Request modes other than `cors`, and opaque-origin clients. `no-cors`: no preflight, no
// CORS check, an opaque response, safelisted methods and headers only, `follow` only.
// `same-origin`: any cross-origin URL (first or after a redirect) is a network error.
// Opaque clients (a sandboxed iframe, a data: URL document) send `Origin: null`.
import type { ClientKind, Scenario } from '../../src/scenario/types.js';

const STAR = { 'Access-Control-Allow-Origin': '*' };
const NULL_ORIGIN = { 'Access-Control-Allow-Origin': 'null' };
const ACAC = { 'Access-Control-Allow-Credentials': 'true' };
const NO_CORS = ['concept-main-fetch', 'concept-request-mode', 'concept-filtered-response-opaque'];

export const MODES_SCENARIOS = [
  // no-cors: opaque whatever the server says; methods outside GET/HEAD/POST throw.
  ...(['GET', 'HEAD', 'POST'] as const).map(
    (method) =>
      ({
        id: `modes/no-cors-${method.toLowerCase()}`,
        title: `no-cors ${method} cross-origin without ACAO → opaque`,
        anchors: NO_CORS,
        request: {
          method,
          target: 'cross-origin',
          mode: 'no-cors',
          ...(method === 'POST' ? { body: 'x' } : {}),
        },
        server: { actual: { status: 200, body: 'hidden' } },
      }) satisfies Scenario,
  ),
  ...(['PUT', 'DELETE', 'PATCH'] as const).map(
    (method) =>
      ({
        id: `modes/no-cors-${method.toLowerCase()}-throws`,
        title: `no-cors ${method} → TypeError at construction, nothing sent`,
        anchors: ['dom-request', 'cors-safelisted-method'],
        request: { method, target: 'cross-origin', mode: 'no-cors' },
        server: { actual: { status: 200, headers: STAR } },
      }) satisfies Scenario,
  ),
  {
    id: 'modes/no-cors-unsafe-header-dropped',
    title: 'no-cors GET with X-Custom: the header is dropped, no preflight, opaque',
    anchors: [...NO_CORS, 'no-cors-safelisted-request-header'],
    request: {
      method: 'GET',
      target: 'cross-origin',
      mode: 'no-cors',
      headers: { 'X-Custom': '1' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-json-content-type-dropped',
    title: 'no-cors POST with Content-Type application/json: dropped, no preflight',
    anchors: [...NO_CORS, 'no-cors-safelisted-request-header'],
    request: {
      method: 'POST',
      target: 'cross-origin',
      mode: 'no-cors',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-500',
    title: 'no-cors GET answered 500 → opaque, status 0 (no rejection)',
    anchors: NO_CORS,
    request: { method: 'GET', target: 'cross-origin', mode: 'no-cors' },
    server: { actual: { status: 500 } },
  },
  {
    id: 'modes/no-cors-same-origin-basic',
    title: 'no-cors GET same-origin → basic, headers readable',
    anchors: NO_CORS,
    request: { method: 'GET', target: 'same-origin', mode: 'no-cors' },
    server: { actual: { status: 200, headers: { 'X-A': '1' } } },
  },
  {
    id: 'modes/no-cors-same-to-cross',
    title: 'no-cors GET example.com 302 → example.net → opaque',
    anchors: [...NO_CORS, 'http-redirect-fetch'],
    request: { method: 'GET', target: 'same-origin', mode: 'no-cors' },
    server: { redirects: [{ status: 302, to: 'cross-origin' }], actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-post-origin-header',
    title: 'no-cors POST cross-origin carries the page Origin',
    anchors: [...NO_CORS, 'append-a-request-origin-header'],
    request: { method: 'POST', target: 'cross-origin', mode: 'no-cors', body: 'x' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'modes/same-origin-mode-stream-body-cross',
    title:
      "mode 'same-origin' POST with a ReadableStream body to example.net: network error, nothing sent",
    anchors: ['concept-main-fetch', 'dom-request'],
    request: {
      method: 'POST',
      target: 'cross-origin',
      mode: 'same-origin',
      body: { kind: 'stream', value: 'x' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'modes/cors-post-no-referrer-same-origin',
    title:
      "same-origin cors POST with referrerPolicy 'no-referrer' → Origin: null (tainting basic)",
    anchors: ['append-a-request-origin-header'],
    request: { method: 'POST', target: 'same-origin', body: 'x', referrerPolicy: 'no-referrer' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-post-no-referrer',
    title: "no-cors POST with referrerPolicy 'no-referrer' → Origin: null",
    anchors: [...NO_CORS, 'append-a-request-origin-header'],
    request: {
      method: 'POST',
      target: 'cross-origin',
      mode: 'no-cors',
      body: 'x',
      referrerPolicy: 'no-referrer',
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-redirect-manual-cross',
    title: "no-cors with redirect 'manual' to a cross-origin URL → network error",
    anchors: NO_CORS,
    request: { method: 'GET', target: 'cross-origin', mode: 'no-cors', redirect: 'manual' },
    server: { redirects: [{ status: 302, to: 'cross-origin-2' }], actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-redirect-error-cross',
    title: "no-cors with redirect 'error' to a cross-origin URL → network error",
    anchors: NO_CORS,
    request: { method: 'GET', target: 'cross-origin', mode: 'no-cors', redirect: 'error' },
    server: { redirects: [{ status: 302, to: 'cross-origin-2' }], actual: { status: 200 } },
  },
  {
    id: 'modes/no-cors-redirect-follow-cross',
    title: "no-cors with redirect 'follow' (twin) → opaque",
    anchors: NO_CORS,
    request: { method: 'GET', target: 'cross-origin', mode: 'no-cors', redirect: 'follow' },
    server: { redirects: [{ status: 302, to: 'cross-origin-2' }], actual: { status: 200 } },
  },

  // same-origin mode.
  ...(
    [
      ['same-origin', 'ok'],
      ['cross-origin', 'network error, nothing sent'],
      ['same-site', 'network error, nothing sent'],
      ['cross-origin-different-port', 'network error, nothing sent'],
    ] as const
  ).map(
    ([target, what]) =>
      ({
        id: `modes/same-origin-mode-${target}`,
        title: `mode 'same-origin' GET to ${target} → ${what}`,
        anchors: ['concept-main-fetch', 'concept-request-mode'],
        request: { method: 'GET', target, mode: 'same-origin' },
        server: { actual: { status: 200, headers: STAR } },
      }) satisfies Scenario,
  ),
  {
    id: 'modes/same-origin-mode-redirect-cross',
    title: "mode 'same-origin': example.com 302 → example.net → network error at the hop",
    anchors: ['concept-main-fetch', 'http-redirect-fetch'],
    request: { method: 'GET', target: 'same-origin', mode: 'same-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin' }],
      actual: { status: 200, headers: STAR },
    },
  },
  {
    id: 'modes/same-origin-mode-redirect-same',
    title: "mode 'same-origin': example.com 302 → example.com (twin) → ok",
    anchors: ['concept-main-fetch', 'http-redirect-fetch'],
    request: { method: 'GET', target: 'same-origin', mode: 'same-origin' },
    server: { redirects: [{ status: 302, to: 'same-origin' }], actual: { status: 200 } },
  },
  {
    id: 'modes/same-origin-mode-put-unsafe',
    title: "mode 'same-origin' PUT with X-Custom same-origin → no preflight, ok",
    anchors: ['concept-main-fetch'],
    request: {
      method: 'PUT',
      target: 'same-origin',
      mode: 'same-origin',
      headers: { 'X-Custom': '1' },
    },
    server: { actual: { status: 200 } },
  },

  // Opaque-origin clients: Origin null; the server must allow `null` or `*`.
  ...(['opaque-origin', 'data-url'] as ClientKind[]).flatMap((client) => [
    {
      id: `modes/${client}-star`,
      title: `${client} client GET, ACAO * → ok, Origin null`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
      client,
      request: { method: 'GET', target: 'cross-origin' },
      server: { actual: { status: 200, headers: STAR } },
    } satisfies Scenario,
    {
      id: `modes/${client}-acao-null`,
      title: `${client} client GET, ACAO null → ok`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
      client,
      request: { method: 'GET', target: 'cross-origin' },
      server: { actual: { status: 200, headers: NULL_ORIGIN } },
    } satisfies Scenario,
    {
      id: `modes/${client}-acao-page-origin`,
      title: `${client} client GET, ACAO = the embedding page's origin → network error`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
      client,
      request: { method: 'GET', target: 'cross-origin' },
      server: {
        actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://<host>' } },
      },
    } satisfies Scenario,
    {
      id: `modes/${client}-parent-origin`,
      title: `${client} client GET to the embedding page's origin is cross-origin`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-main-fetch'],
      client,
      request: { method: 'GET', target: 'same-origin-of-parent' },
      server: { actual: { status: 200 } },
    } satisfies Scenario,
    {
      id: `modes/${client}-parent-origin-star`,
      title: `${client} client GET to the embedding page's origin with ACAO * (twin) → ok`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-main-fetch'],
      client,
      request: { method: 'GET', target: 'same-origin-of-parent' },
      server: { actual: { status: 200, headers: STAR } },
    } satisfies Scenario,
    {
      id: `modes/${client}-preflight-null`,
      title: `${client} client PUT: the preflight carries Origin null, ACAO null allows it`,
      anchors: ['ascii-serialisation-of-an-origin', 'cors-preflight-fetch-0'],
      client,
      request: { method: 'PUT', target: 'cross-origin' },
      server: {
        preflight: {
          status: 204,
          headers: { ...NULL_ORIGIN, 'Access-Control-Allow-Methods': 'PUT' },
        },
        actual: { status: 200, headers: NULL_ORIGIN },
      },
    } satisfies Scenario,
    {
      id: `modes/${client}-credentialed-null`,
      title: `${client} client credentialed GET, ACAO null + ACAC true → ok`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
      client,
      request: { method: 'GET', target: 'cross-origin', credentials: 'include' },
      server: { actual: { status: 200, headers: { ...NULL_ORIGIN, ...ACAC } } },
    } satisfies Scenario,
    {
      id: `modes/${client}-credentialed-star`,
      title: `${client} client credentialed GET, ACAO * → network error`,
      anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
      client,
      request: { method: 'GET', target: 'cross-origin', credentials: 'include' },
      server: { actual: { status: 200, headers: { ...STAR, ...ACAC } } },
    } satisfies Scenario,
    {
      id: `modes/${client}-no-cors`,
      title: `${client} client no-cors GET → opaque`,
      anchors: ['ascii-serialisation-of-an-origin', ...NO_CORS],
      client,
      request: { method: 'GET', target: 'cross-origin', mode: 'no-cors' },
      server: { actual: { status: 200 } },
    } satisfies Scenario,
  ]),
] satisfies Scenario[];
