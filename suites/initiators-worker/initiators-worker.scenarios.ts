// Workers: new Worker(), new Worker({type: 'module'}) and new SharedWorker() fetch their
// top-level script with mode same-origin: a cross-origin URL fails whatever the server answers,
// CORS headers included; a same-origin script that redirects cross-origin fails too.
import type { Scenario } from '../../src/scenario/types.js';

export const INITIATORS_WORKER_SCENARIOS = [
  {
    id: 'initiators-worker/worker-same',
    title: 'new Worker(), same-origin, same-origin: loads',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/worker-cross-none',
    title: 'new Worker(), cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/worker-cross-star',
    title: 'new Worker(), cross-site, ACAO * (mode same-origin: still fails)',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/worker-cross-origin-acac',
    title: 'new Worker(), cross-site, ACAO origin + ACAC (still fails)',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'cross-origin' },
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
    id: 'initiators-worker/worker-same-site-star',
    title: 'new Worker(), same-site, ACAO * (still fails)',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/worker-same-404',
    title: 'new Worker(), same-origin, same-origin status 404',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'same-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-worker/worker-redirect-same-to-same',
    title: 'new Worker(), same-origin, 302 same-origin \u2192 same-origin: loads',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'same-origin' }] },
  },
  {
    id: 'initiators-worker/worker-redirect-same-to-cross-star',
    title: 'new Worker(), same-origin, 302 same-origin \u2192 cross-origin with ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'worker', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-worker/module-worker-same',
    title: "new Worker({type: 'module'}), same-origin, same-origin: loads",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/module-worker-cross-none',
    title: "new Worker({type: 'module'}), cross-site, no ACAO",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/module-worker-cross-star',
    title: "new Worker({type: 'module'}), cross-site, ACAO * (mode same-origin: still fails)",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/module-worker-cross-origin-acac',
    title: "new Worker({type: 'module'}), cross-site, ACAO origin + ACAC (still fails)",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'cross-origin' },
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
    id: 'initiators-worker/module-worker-same-site-star',
    title: "new Worker({type: 'module'}), same-site, ACAO * (still fails)",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/module-worker-same-404',
    title: "new Worker({type: 'module'}), same-origin, same-origin status 404",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'same-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-worker/module-worker-redirect-same-to-same',
    title: "new Worker({type: 'module'}), same-origin, 302 same-origin \u2192 same-origin: loads",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'same-origin' }] },
  },
  {
    id: 'initiators-worker/module-worker-redirect-same-to-cross-star',
    title:
      "new Worker({type: 'module'}), same-origin, 302 same-origin \u2192 cross-origin with ACAO *",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-worker/shared-worker-same',
    title: 'new SharedWorker(), same-origin, same-origin: loads',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/shared-worker-cross-none',
    title: 'new SharedWorker(), cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/shared-worker-cross-star',
    title: 'new SharedWorker(), cross-site, ACAO * (mode same-origin: still fails)',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/shared-worker-cross-origin-acac',
    title: 'new SharedWorker(), cross-site, ACAO origin + ACAC (still fails)',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'cross-origin' },
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
    id: 'initiators-worker/shared-worker-same-site-star',
    title: 'new SharedWorker(), same-site, ACAO * (still fails)',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/shared-worker-same-404',
    title: 'new SharedWorker(), same-origin, same-origin status 404',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'same-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-worker/shared-worker-redirect-same-to-same',
    title: 'new SharedWorker(), same-origin, 302 same-origin \u2192 same-origin: loads',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'same-origin' }] },
  },
  {
    id: 'initiators-worker/shared-worker-redirect-same-to-cross-star',
    title: 'new SharedWorker(), same-origin, 302 same-origin \u2192 cross-origin with ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-script',
    ],
    request: { api: 'shared-worker', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-worker/module-worker-credentials-omit-same',
    title: "new Worker({type: 'module', credentials: 'omit'}), same-origin",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', credentials: 'omit', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/module-worker-credentials-omit-cross-star',
    title: "new Worker({type: 'module', credentials: 'omit'}), cross-site, ACAO *",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', credentials: 'omit', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-worker/module-worker-credentials-include-same',
    title: "new Worker({type: 'module', credentials: 'include'}), same-origin",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', credentials: 'include', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-worker/module-worker-credentials-include-cross-star',
    title: "new Worker({type: 'module', credentials: 'include'}), cross-site, ACAO *",
    anchors: [
      'https://html.spec.whatwg.org/#dom-worker',
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
    ],
    request: { api: 'module-worker', credentials: 'include', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
] satisfies Scenario[];
