// A small table that touches every moving part of the harness once: simple and
// preflighted requests, credentials, redirects, exposed headers, no-cors, manual redirects,
// XHR, request construction errors, body types, the preflight cache along `then`,
// opaque-origin clients and a cookie. Every negative case is decided by the journal too:
// the verdict compares `preflight` and `actualSent`.
import type { Scenario } from '../../src/scenario/types.js';

const ALLOW_ORIGIN = { 'Access-Control-Allow-Origin': '<origin>' };

export const SMOKE_SCENARIOS = [
  // Simple requests: no preflight; the response's CORS check decides.
  {
    id: 'smoke/simple-get-star',
    title: 'simple GET, ACAO * → readable cors response',
    anchors: ['concept-cors-check', 'cors-safelisted-method'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: 'hi' },
    },
  },
  {
    id: 'smoke/simple-get-no-acao',
    title: 'simple GET without ACAO → request sent, network error',
    anchors: ['concept-cors-check'],
    request: { method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200, body: 'secret' } },
  },

  // Preflighted requests: the preflight's answer decides whether the actual request leaves.
  {
    id: 'smoke/preflight-put-allowed',
    title: 'PUT with ACAM PUT → preflight, then the PUT',
    anchors: ['cors-preflight-fetch-0', 'cors-safelisted-method'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: { ...ALLOW_ORIGIN, 'Access-Control-Allow-Methods': 'PUT' },
      },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
  },
  {
    id: 'smoke/preflight-put-denied',
    title: 'PUT without ACAM → preflight only, network error',
    anchors: ['cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: { status: 204, headers: ALLOW_ORIGIN },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
  },
  {
    id: 'smoke/preflight-status-500',
    title: 'preflight answered 500 → network error, no actual request',
    anchors: ['cors-preflight-fetch-0', 'ok-status'],
    request: { method: 'DELETE', target: 'cross-origin' },
    server: {
      preflight: {
        status: 500,
        headers: { ...ALLOW_ORIGIN, 'Access-Control-Allow-Methods': 'DELETE' },
      },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
  },
  {
    id: 'smoke/custom-header-allowed',
    title: 'X-Custom listed in ACAH → preflight with ACRH x-custom, then the GET',
    anchors: ['cors-unsafe-request-header-names', 'cors-preflight-fetch-0'],
    request: { method: 'GET', target: 'cross-origin', headers: { 'X-Custom': '1' } },
    server: {
      preflight: {
        status: 200,
        headers: { ...ALLOW_ORIGIN, 'Access-Control-Allow-Headers': 'X-Custom' },
      },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
  },
  {
    id: 'smoke/custom-header-denied',
    title: 'X-Custom not in ACAH → preflight only, network error',
    anchors: ['cors-unsafe-request-header-names', 'cors-preflight-fetch-0'],
    request: { method: 'GET', target: 'cross-origin', headers: { 'X-Custom': '1' } },
    server: {
      preflight: {
        status: 200,
        headers: { ...ALLOW_ORIGIN, 'Access-Control-Allow-Headers': 'X-Other' },
      },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
  },

  // Credentials: an exact origin and ACAC true are required; `*` is not enough.
  {
    id: 'smoke/credentials-exact-origin',
    title: 'credentials include, ACAO exact + ACAC true → ok',
    anchors: ['concept-cors-check'],
    request: { method: 'GET', target: 'cross-origin', credentials: 'include' },
    server: {
      actual: {
        status: 200,
        headers: { ...ALLOW_ORIGIN, 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'smoke/credentials-star-denied',
    title: 'credentials include, ACAO * → network error',
    anchors: ['concept-cors-check'],
    request: { method: 'GET', target: 'cross-origin', credentials: 'include' },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'smoke/credentials-cookie-same-site',
    title: 'credentials include to a same-site origin carries the jar cookie',
    anchors: ['concept-cors-check', 'concept-http-fetch'],
    request: { method: 'GET', target: 'same-site', credentials: 'include' },
    setup: { cookies: [{ on: 'same-site', name: 'smokesid', value: '1', attributes: 'Path=/' }] },
    server: {
      actual: {
        status: 200,
        headers: { ...ALLOW_ORIGIN, 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },

  // Request construction: forbidden methods throw before anything is sent.
  {
    id: 'smoke/fetch-forbidden-method-throws',
    title: 'fetch with method CONNECT → TypeError at construction, nothing sent',
    anchors: ['forbidden-method', 'dom-request'],
    request: { method: 'CONNECT', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'smoke/xhr-forbidden-method-throws',
    title: 'XHR open() with TRACE → SecurityError, nothing sent',
    anchors: ['forbidden-method'],
    request: { api: 'xhr', method: 'TRACE', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },

  // Bodies: the BodyInit type decides Content-Type, and so whether a preflight is needed.
  {
    id: 'smoke/body-form-data-no-preflight',
    title: 'POST FormData (multipart/form-data) → no preflight',
    anchors: ['bodyinit-unions', 'cors-safelisted-request-header'],
    request: {
      method: 'POST',
      target: 'cross-origin',
      body: { kind: 'form-data', fields: { a: '1' } },
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'smoke/body-blob-json-preflight',
    title: 'POST Blob of type application/json → preflight with ACRH content-type',
    anchors: ['bodyinit-unions', 'cors-unsafe-request-header-names'],
    request: {
      method: 'POST',
      target: 'cross-origin',
      body: { kind: 'blob', value: '{}', type: 'application/json' },
    },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Headers': 'content-type',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  },

  // Redirects: a cross-origin hop taints the origin; Origin becomes `null` after it.
  {
    id: 'smoke/redirect-same-to-cross',
    title: 'same-origin 302 to a cross-origin URL with ACAO * → ok',
    anchors: ['http-redirect-fetch', 'serializing-a-request-origin'],
    request: { method: 'GET', target: 'same-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin' }],
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  },
  {
    id: 'smoke/redirect-cross-to-cross-origin-null',
    title: 'cross-origin 302 to another origin → Origin: null at the last hop',
    anchors: [
      'http-redirect-fetch',
      'concept-request-tainted-origin',
      'serializing-a-request-origin',
    ],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', headers: ALLOW_ORIGIN }],
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  },
  {
    id: 'smoke/redirect-manual-opaqueredirect',
    title: "redirect: 'manual' → opaqueredirect, status 0, target not contacted",
    anchors: ['http-redirect-fetch', 'concept-main-fetch'],
    request: { method: 'GET', target: 'cross-origin', redirect: 'manual' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', headers: ALLOW_ORIGIN }],
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  },

  // Exposed response headers: only the safelist and what ACEH names are readable.
  {
    id: 'smoke/expose-header-visible',
    title: 'X-Exposed named in ACEH is readable',
    anchors: ['cors-safelisted-response-header-name'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Expose-Headers': 'X-Exposed',
          'X-Exposed': 'yes',
          'X-Hidden': 'no',
        },
      },
    },
  },
  {
    id: 'smoke/expose-header-hidden',
    title: 'X-Hidden without ACEH stays unreadable',
    anchors: ['cors-safelisted-response-header-name'],
    request: { method: 'GET', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*', 'X-Hidden': 'no' } },
    },
  },

  // no-cors: no CORS check; an opaque response with status 0 and no headers.
  {
    id: 'smoke/no-cors-opaque',
    title: "mode 'no-cors' without ACAO → opaque response",
    anchors: ['concept-main-fetch'],
    request: { method: 'GET', target: 'cross-origin', mode: 'no-cors' },
    server: { actual: { status: 200, body: 'opaque' } },
  },

  // XHR: an upload listener forces a preflight even for a safelisted request.
  {
    id: 'smoke/xhr-simple-get',
    title: 'XHR GET with ACAO * → load',
    anchors: ['concept-cors-check'],
    request: { api: 'xhr', method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'smoke/xhr-upload-listener-preflight',
    title: 'XHR POST with an upload listener → preflight, then the POST',
    anchors: ['the-send', 'cors-preflight-fetch-0'],
    request: {
      api: 'xhr',
      method: 'POST',
      target: 'cross-origin',
      body: 'payload',
      uploadListener: true,
    },
    server: {
      preflight: { status: 204, headers: ALLOW_ORIGIN },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
  },

  // The CORS-preflight cache along a `then` chain (same URL, new request).
  {
    id: 'smoke/then-preflight-cache-hit',
    title: 'second PUT within max-age → no second preflight',
    anchors: ['cors-preflight-cache', 'cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...ALLOW_ORIGIN,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '60',
        },
      },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
    then: {},
  },
  {
    id: 'smoke/then-preflight-max-age-0',
    title: 'max-age 0 → the second PUT is preflighted again',
    anchors: ['cors-preflight-cache'],
    request: { method: 'PUT', target: 'cross-origin' },
    server: {
      preflight: {
        status: 204,
        headers: {
          ...ALLOW_ORIGIN,
          'Access-Control-Allow-Methods': 'PUT',
          'Access-Control-Max-Age': '0',
        },
      },
      actual: { status: 200, headers: ALLOW_ORIGIN },
    },
    then: {},
  },

  // Opaque-origin clients: the request's Origin is `null`.
  {
    id: 'smoke/sandboxed-client-origin-null',
    title: 'sandboxed iframe GET → Origin: null, ACAO * ok',
    anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
    client: 'opaque-origin',
    request: { method: 'GET', target: 'cross-origin', headers: { 'X-Custom': '1' } },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': 'null',
          'Access-Control-Allow-Headers': 'x-custom',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } },
    },
  },
  {
    id: 'smoke/data-url-client-star',
    title: 'data: URL iframe GET with ACAO * → ok',
    anchors: ['ascii-serialisation-of-an-origin', 'concept-cors-check'],
    client: 'data-url',
    request: { method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
] satisfies Scenario[];
