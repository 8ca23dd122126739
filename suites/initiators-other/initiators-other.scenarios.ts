// The other initiators: EventSource (cors; withCredentials), navigator.sendBeacon (no-cors
// unless the body's type is not CORS-safelisted: then cors, preflighted), fetch() with
// keepalive, <link rel=preload as=...> (crossorigin decides the mode), a form POST into an
// iframe (a navigation: no CORS at all, the CSRF baseline) and WebSocket (no CORS: only the
// Origin it sends).
import type { Scenario } from '../../src/scenario/types.js';

export const INITIATORS_OTHER_SCENARIOS = [
  {
    id: 'initiators-other/eventsource-cross-none',
    title: 'EventSource, cross-site, no ACAO',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/eventsource-cross-star',
    title: 'EventSource, cross-site, ACAO *',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/eventsource-cross-origin',
    title: 'EventSource, cross-site, ACAO = page origin',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-other/eventsource-cross-wrong',
    title: 'EventSource, cross-site, ACAO another origin',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-other/eventsource-same',
    title: 'EventSource, same-origin, same-origin baseline',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/eventsource-same-site-star',
    title: 'EventSource, same-site, ACAO *',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/eventsource-cross-404-star',
    title: 'EventSource, cross-site, status 404 with ACAO *',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/eventsource-cross-204-star',
    title: 'EventSource, cross-site, status 204 with ACAO *',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin' },
    server: { actual: { status: 204, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/eventsource-redirect-same-to-cross-star',
    title: 'EventSource, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-other/eventsource-cred-cross-origin-acac',
    title: 'EventSource, cross-site, withCredentials, ACAO origin + ACAC',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin', credentials: 'include' },
    server: {
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  },
  {
    id: 'initiators-other/eventsource-cred-cross-star',
    title: 'EventSource, cross-site, withCredentials, ACAO *',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin', credentials: 'include' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/eventsource-cred-cross-origin-no-acac',
    title: 'EventSource, cross-site, withCredentials, ACAO origin without ACAC',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'cross-origin', credentials: 'include' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-other/eventsource-https-star-cookie',
    title: 'EventSource, cross-site https, ACAO *, cookie not sent',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniother-eventsource-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-other/eventsource-cred-https-acac-cookie',
    title: 'EventSource, cross-site https, withCredentials, ACAO origin + ACAC, cookie sent',
    anchors: ['https://html.spec.whatwg.org/#dom-eventsource'],
    request: { api: 'eventsource', target: 'https-cross-origin', credentials: 'include' },
    server: {
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniother-eventsource-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-other/beacon-no-body-cross',
    title: 'sendBeacon, cross-site, no body: no-cors POST',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: { api: 'beacon', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-string-cross',
    title: 'sendBeacon, cross-site, string body (text/plain): no-cors',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: { api: 'beacon', target: 'cross-origin', body: 'hello' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-params-cross',
    title: 'sendBeacon, cross-site, URLSearchParams body: no-cors',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: {
      api: 'beacon',
      target: 'cross-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-formdata-cross',
    title: 'sendBeacon, cross-site, FormData body: no-cors',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: {
      api: 'beacon',
      target: 'cross-origin',
      body: { kind: 'form-data', fields: { a: '1' } },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-blob-text-cross',
    title: 'sendBeacon, cross-site, Blob text/plain: no-cors',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: {
      api: 'beacon',
      target: 'cross-origin',
      body: { kind: 'blob', value: 'x', type: 'text/plain' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-arraybuffer-cross',
    title: 'sendBeacon, cross-site, ArrayBuffer body (no type): no-cors',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: { api: 'beacon', target: 'cross-origin', body: { kind: 'array-buffer', value: 'x' } },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-blob-json-cross-allowed',
    title: 'sendBeacon, cross-site, Blob application/json: cors, preflight allowed',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: {
      api: 'beacon',
      target: 'cross-origin',
      body: { kind: 'blob', value: '{"a":1}', type: 'application/json' },
    },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Allow-Headers': 'content-type',
        },
      },
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  },
  {
    id: 'initiators-other/beacon-blob-json-cross-denied',
    title: 'sendBeacon, cross-site, Blob application/json: cors, preflight without ACAO',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: {
      api: 'beacon',
      target: 'cross-origin',
      body: { kind: 'blob', value: '{"a":1}', type: 'application/json' },
    },
    server: {
      preflight: { status: 204 },
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  },
  {
    id: 'initiators-other/beacon-blob-json-same',
    title: 'sendBeacon, same-origin, Blob application/json, same-origin: no preflight',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: {
      api: 'beacon',
      target: 'same-origin',
      body: { kind: 'blob', value: '{"a":1}', type: 'application/json' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/beacon-string-redirect-same-to-cross',
    title:
      'sendBeacon, same-origin, string body, 307 same-origin \u2192 cross-origin: no-cors follows',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: { api: 'beacon', target: 'same-origin', body: 'hello' },
    server: { actual: { status: 200 }, redirects: [{ status: 307, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-other/beacon-no-body-301-same-site-to-same-site',
    title:
      'sendBeacon without data, same-site, 301 to the same URL origin: GET after it, no Origin',
    anchors: [
      'https://w3c.github.io/beacon/#sec-processing-model',
      'https://fetch.spec.whatwg.org/#append-a-request-origin-header',
    ],
    request: { api: 'beacon', target: 'same-site' },
    server: { actual: { status: 200 }, redirects: [{ status: 301, to: 'same-site' }] },
  },
  {
    id: 'initiators-other/beacon-string-https-cookie',
    title: 'sendBeacon, cross-site https, string body, cookie SameSite=None; Secure: sent',
    anchors: ['https://w3c.github.io/beacon/#sec-processing-model'],
    request: { api: 'beacon', target: 'https-cross-origin', body: 'hello' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniother-beacon-string-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-other/keepalive-get-cross-star',
    title: 'fetch keepalive, cross-site, GET, ACAO *',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/keepalive-get-cross-none',
    title: 'fetch keepalive, cross-site, GET, no ACAO',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/keepalive-post-text-cross-star',
    title: 'fetch keepalive, cross-site, POST text/plain, ACAO *',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin', method: 'POST', body: 'x' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/keepalive-put-cross-allowed',
    title: 'fetch keepalive, cross-site, PUT, preflight allows PUT',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin', method: 'PUT' },
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Methods': 'PUT',
        },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
    },
  },
  {
    id: 'initiators-other/keepalive-put-cross-denied',
    title: 'fetch keepalive, cross-site, PUT, preflight without ACAM',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin', method: 'PUT' },
    server: {
      preflight: { status: 204, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
    },
  },
  {
    id: 'initiators-other/keepalive-get-include-origin-acac',
    title: 'fetch keepalive, cross-site, GET credentials include, ACAO origin + ACAC',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin', credentials: 'include' },
    server: {
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  },
  {
    id: 'initiators-other/keepalive-get-include-star',
    title: 'fetch keepalive, cross-site, GET credentials include, ACAO *',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'cross-origin', credentials: 'include' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/keepalive-get-same',
    title: 'fetch keepalive, same-origin, GET same-origin baseline',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/keepalive-get-https-star',
    title: 'fetch keepalive, cross-site https, GET, ACAO *',
    anchors: ['https://fetch.spec.whatwg.org/#request-keepalive-flag', 'dom-request'],
    request: { api: 'fetch-keepalive', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/preload-fetch-anon-cross-star',
    title: '<link rel=preload as=fetch> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'fetch', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/preload-fetch-anon-cross-none',
    title: '<link rel=preload as=fetch> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'fetch', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-fetch-absent-cross-none',
    title: '<link rel=preload as=fetch> crossorigin absent, cross-site, no ACAO (no-cors)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'fetch', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-fetch-anon-same',
    title: '<link rel=preload as=fetch> crossorigin anonymous, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'fetch', target: 'same-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-script-absent-cross-none',
    title: '<link rel=preload as=script> crossorigin absent, cross-site, no ACAO (no-cors)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'script', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-script-anon-cross-star',
    title: '<link rel=preload as=script> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: {
      api: 'preload',
      variant: 'script',
      target: 'cross-origin',
      crossorigin: 'anonymous',
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/preload-script-anon-cross-none',
    title: '<link rel=preload as=script> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: {
      api: 'preload',
      variant: 'script',
      target: 'cross-origin',
      crossorigin: 'anonymous',
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-style-absent-cross-none',
    title: '<link rel=preload as=style> crossorigin absent, cross-site, no ACAO (no-cors)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'style', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-style-anon-cross-none',
    title: '<link rel=preload as=style> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'style', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-font-anon-cross-star',
    title: '<link rel=preload as=font> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'font', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/preload-font-anon-cross-none',
    title: '<link rel=preload as=font> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'font', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-font-absent-cross-none',
    title: '<link rel=preload as=font> crossorigin absent, cross-site, no ACAO (no-cors)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'font', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-font-absent-https-cross-none',
    title:
      '<link rel=preload as=font> crossorigin absent, https cross-site, no ACAO (no-cors, Sec-Fetch-Mode no-cors)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'font', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-font-absent-redirect-cross-to-same',
    title:
      '<link rel=preload as=font> crossorigin absent, cross-site 301 to the page origin (no-cors: followed, load)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://fetch.spec.whatwg.org/#concept-http-redirect-fetch',
    ],
    request: { api: 'preload', variant: 'font', target: 'cross-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 301, to: 'same-origin' }] },
  },
  {
    id: 'initiators-other/preload-image-absent-cross-none',
    title: '<link rel=preload as=image> crossorigin absent, cross-site, no ACAO (no-cors)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'image', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-image-anon-cross-none',
    title: '<link rel=preload as=image> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'preload', variant: 'image', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/preload-image-cred-cross-origin-acac',
    title:
      '<link rel=preload as=image> crossorigin use-credentials, cross-site, ACAO origin + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: {
      api: 'preload',
      variant: 'image',
      target: 'cross-origin',
      crossorigin: 'use-credentials',
    },
    server: {
      actual: {
        status: 200,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Credentials': 'true',
        },
      },
    },
  },
  {
    id: 'initiators-other/preload-image-cred-cross-star',
    title:
      '<link rel=preload as=image> crossorigin use-credentials, cross-site, ACAO * with credentials',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: {
      api: 'preload',
      variant: 'image',
      target: 'cross-origin',
      crossorigin: 'use-credentials',
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/preload-font-anon-https-star',
    title: '<link rel=preload as=font> crossorigin anonymous, cross-site https, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-preload',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: {
      api: 'preload',
      variant: 'font',
      target: 'https-cross-origin',
      crossorigin: 'anonymous',
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-other/form-post-urlencoded-cross',
    title: 'form POST into an iframe, cross-site, urlencoded, no CORS headers: navigates',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'cross-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/form-post-multipart-cross',
    title: 'form POST into an iframe, cross-site, multipart, no CORS headers: navigates',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'cross-origin',
      body: { kind: 'form-data', fields: { a: '1' } },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/form-get-cross',
    title: 'form GET into an iframe, cross-site, GET: navigates, no Origin',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: { api: 'form', method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/form-post-same',
    title: 'form POST into an iframe, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'same-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/form-post-same-site',
    title: 'form POST into an iframe, same-site, same-site',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'same-site',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/form-post-303-cross-to-cross2',
    title: 'form POST into an iframe, cross-site, 303 \u2192 cross-origin-2: becomes GET',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'cross-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 }, redirects: [{ status: 303, to: 'cross-origin-2' }] },
  },
  {
    id: 'initiators-other/form-post-307-cross-to-cross2',
    title:
      'form POST into an iframe, cross-site, 307 \u2192 cross-origin-2: POST again, Origin null',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'cross-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 }, redirects: [{ status: 307, to: 'cross-origin-2' }] },
  },
  {
    id: 'initiators-other/form-post-307-same-to-cross',
    title:
      'form POST into an iframe, same-origin, 307 \u2192 cross-site: POST again, Origin of the page (untainted)',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://fetch.spec.whatwg.org/#concept-request-tainted-origin',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'same-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 }, redirects: [{ status: 307, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-other/form-post-https-cookie',
    title: 'form POST into an iframe, cross-site https, cookie SameSite=None; Secure: sent',
    anchors: [
      'https://html.spec.whatwg.org/#form-submission-algorithm',
      'https://html.spec.whatwg.org/#navigate',
    ],
    request: {
      api: 'form',
      method: 'POST',
      target: 'https-cross-origin',
      body: { kind: 'url-search-params', value: 'a=1' },
    },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniother-form-post-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-other/websocket-cross',
    title: 'WebSocket, cross-site, handshake completes, Origin sent',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/websocket-same',
    title: 'WebSocket, same-origin, same-origin baseline',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/websocket-same-site',
    title: 'WebSocket, same-site, handshake completes',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/websocket-port',
    title: 'WebSocket, other port, handshake completes',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'cross-origin-different-port' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-other/websocket-cross-refused-403',
    title: 'WebSocket, cross-site, server refuses with 403',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'cross-origin' },
    server: { actual: { status: 403 } },
  },
  {
    id: 'initiators-other/websocket-redirect-cross',
    title: 'WebSocket, same-origin, 302 \u2192 cross-origin: a redirect fails the handshake',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-other/websocket-https-cookie',
    title: 'WebSocket, cross-site https, wss, cookie SameSite=None; Secure: sent',
    anchors: [
      'https://fetch.spec.whatwg.org/#websocket-opening-handshake',
      'concept-websocket-establish',
    ],
    request: { api: 'websocket', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniother-websocket-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
] satisfies Scenario[];
