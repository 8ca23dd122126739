// XMLHttpRequest where it differs from fetch: `withCredentials` (true = include, false =
// same-origin; it wins over `credentials`), and listeners on `xhr.upload` setting the
// use-CORS-preflight flag, so even a safelisted request is preflighted.
import type { Scenario } from '../../src/scenario/types.js';

const EXACT = { 'Access-Control-Allow-Origin': '<origin>' };
const STAR = { 'Access-Control-Allow-Origin': '*' };
const ACAC = { 'Access-Control-Allow-Credentials': 'true' };
const XHR_ANCHORS = ['the-send', 'concept-cors-check'];

export const XHR_SCENARIOS = [
  // withCredentials: the CORS check then needs an exact ACAO and ACAC true.
  {
    id: 'xhr/with-credentials-star',
    title: 'withCredentials, ACAO * → error event',
    anchors: XHR_ANCHORS,
    request: { api: 'xhr', method: 'GET', target: 'cross-origin', withCredentials: true },
    server: { actual: { status: 200, headers: { ...STAR, ...ACAC } } },
  },
  {
    id: 'xhr/with-credentials-exact',
    title: 'withCredentials, exact ACAO + ACAC true (twin) → load',
    anchors: XHR_ANCHORS,
    request: { api: 'xhr', method: 'GET', target: 'cross-origin', withCredentials: true },
    server: { actual: { status: 200, headers: { ...EXACT, ...ACAC } } },
  },
  {
    id: 'xhr/with-credentials-no-acac',
    title: 'withCredentials, exact ACAO without ACAC → error event',
    anchors: XHR_ANCHORS,
    request: { api: 'xhr', method: 'GET', target: 'cross-origin', withCredentials: true },
    server: { actual: { status: 200, headers: EXACT } },
  },
  {
    id: 'xhr/without-credentials-star',
    title: 'withCredentials false, ACAO * → load',
    anchors: XHR_ANCHORS,
    request: { api: 'xhr', method: 'GET', target: 'cross-origin', withCredentials: false },
    server: { actual: { status: 200, headers: STAR } },
  },
  {
    id: 'xhr/with-credentials-false-wins',
    title: "withCredentials false wins over credentials 'include': ACAO * → load",
    anchors: XHR_ANCHORS,
    request: {
      api: 'xhr',
      method: 'GET',
      target: 'cross-origin',
      credentials: 'include',
      withCredentials: false,
    },
    server: { actual: { status: 200, headers: STAR } },
  },
  {
    id: 'xhr/with-credentials-preflight',
    title: 'withCredentials PUT: the preflight needs ACAC too',
    anchors: [...XHR_ANCHORS, 'cors-preflight-fetch-0'],
    request: {
      api: 'xhr',
      method: 'PUT',
      target: 'cross-origin',
      withCredentials: true,
      body: 'x',
    },
    server: {
      preflight: { status: 204, headers: { ...EXACT, 'Access-Control-Allow-Methods': 'PUT' } },
      actual: { status: 200, headers: { ...EXACT, ...ACAC } },
    },
  },
  {
    id: 'xhr/with-credentials-preflight-acac',
    title: 'withCredentials PUT, preflight with ACAC (twin) → load',
    anchors: [...XHR_ANCHORS, 'cors-preflight-fetch-0'],
    request: {
      api: 'xhr',
      method: 'PUT',
      target: 'cross-origin',
      withCredentials: true,
      body: 'x',
    },
    server: {
      preflight: {
        status: 204,
        headers: { ...EXACT, ...ACAC, 'Access-Control-Allow-Methods': 'PUT' },
      },
      actual: { status: 200, headers: { ...EXACT, ...ACAC } },
    },
  },

  // Upload listeners force a preflight; without one the same request is simple.
  ...([true, false] as const).flatMap((uploadListener) => [
    {
      id: `xhr/post-text-${uploadListener ? 'with' : 'without'}-upload-listener`,
      title: `POST text ${uploadListener ? 'with' : 'without'} an upload listener`,
      anchors: ['the-send', 'cors-preflight-fetch-0', 'use-cors-preflight-flag'],
      request: { api: 'xhr', method: 'POST', target: 'cross-origin', body: 'x', uploadListener },
      server: {
        preflight: { status: 204, headers: EXACT },
        actual: { status: 200, headers: EXACT },
      },
    } satisfies Scenario,
    {
      id: `xhr/post-text-${uploadListener ? 'with' : 'without'}-upload-listener-preflight-404`,
      title: `POST text ${uploadListener ? 'with' : 'without'} an upload listener, preflight 404`,
      anchors: ['the-send', 'cors-preflight-fetch-0', 'use-cors-preflight-flag'],
      request: { api: 'xhr', method: 'POST', target: 'cross-origin', body: 'x', uploadListener },
      server: { preflight: null, actual: { status: 200, headers: EXACT } },
    } satisfies Scenario,
  ]),
  {
    id: 'xhr/get-with-upload-listener',
    title: 'GET (no body) with an upload listener',
    anchors: ['the-send', 'use-cors-preflight-flag'],
    request: { api: 'xhr', method: 'GET', target: 'cross-origin', uploadListener: true },
    server: {
      preflight: { status: 204, headers: EXACT },
      actual: { status: 200, headers: EXACT },
    },
  },
  {
    id: 'xhr/post-no-body-with-upload-listener',
    title: 'POST without a body, with an upload listener',
    anchors: ['the-send', 'use-cors-preflight-flag'],
    request: { api: 'xhr', method: 'POST', target: 'cross-origin', uploadListener: true },
    server: {
      preflight: { status: 204, headers: EXACT },
      actual: { status: 200, headers: EXACT },
    },
  },
  {
    id: 'xhr/put-upload-listener-no-acam',
    title: 'PUT with an upload listener, preflight without ACAM → error',
    anchors: ['the-send', 'cors-preflight-fetch-0'],
    request: { api: 'xhr', method: 'PUT', target: 'cross-origin', body: 'x', uploadListener: true },
    server: {
      preflight: { status: 204, headers: EXACT },
      actual: { status: 200, headers: EXACT },
    },
  },
  {
    id: 'xhr/upload-listener-same-origin',
    title: 'same-origin POST with an upload listener: no preflight',
    anchors: ['the-send', 'concept-main-fetch'],
    request: { api: 'xhr', method: 'POST', target: 'same-origin', body: 'x', uploadListener: true },
    server: { actual: { status: 200 } },
  },
  {
    id: 'xhr/upload-listener-with-credentials',
    title: 'withCredentials POST with an upload listener: preflight needs ACAC',
    anchors: ['the-send', 'cors-preflight-fetch-0'],
    request: {
      api: 'xhr',
      method: 'POST',
      target: 'cross-origin',
      body: 'x',
      uploadListener: true,
      withCredentials: true,
    },
    server: {
      preflight: { status: 204, headers: { ...EXACT, ...ACAC } },
      actual: { status: 200, headers: { ...EXACT, ...ACAC } },
    },
  },

  // Response side: any status passes with a good CORS check; headers are filtered.
  {
    id: 'xhr/status-500-load',
    title: 'cross-origin 500 with ACAO → load with status 500',
    anchors: XHR_ANCHORS,
    request: { api: 'xhr', method: 'GET', target: 'cross-origin' },
    server: { actual: { status: 500, headers: STAR } },
  },
  {
    id: 'xhr/exposed-headers',
    title: 'getAllResponseHeaders sees only the safelist and ACEH names',
    anchors: ['cors-safelisted-response-header-name'],
    request: { api: 'xhr', method: 'GET', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: { ...STAR, 'X-A': '1', 'X-B': '2', 'Access-Control-Expose-Headers': 'X-A' },
      },
    },
  },
  {
    id: 'xhr/redirect-cross-to-cross',
    title: 'XHR follows example.net 302 → example.org with Origin null',
    anchors: ['http-redirect-fetch', 'concept-request-tainted-origin'],
    request: { api: 'xhr', method: 'GET', target: 'cross-origin' },
    server: {
      redirects: [{ status: 302, to: 'cross-origin-2', headers: EXACT }],
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } },
    },
  },
  {
    id: 'xhr/set-request-header-twice',
    title: 'setRequestHeader X-A twice combines into one: ACRH x-a',
    anchors: ['the-send', 'cors-unsafe-request-header-names'],
    request: {
      api: 'xhr',
      method: 'GET',
      target: 'cross-origin',
      headers: [
        ['X-A', '1'],
        ['X-A', '2'],
      ],
    },
    server: {
      preflight: { status: 204, headers: { ...EXACT, 'Access-Control-Allow-Headers': 'x-a' } },
      actual: { status: 200, headers: EXACT },
    },
  },
] satisfies Scenario[];
