// Images and media: <img> (load vs error), <img> drawn into a canvas then read (tainted or
// not), CSS background-image (no-cors) vs mask-image (cors), <video>/<audio> (+ a video frame
// drawn and read). Each crossorigin state against absent, right and wrong CORS answers, with
// same-origin baselines, redirects, credentials and the https origin (Fetch Metadata).
import type { Scenario } from '../../src/scenario/types.js';

export const INITIATORS_IMAGE_SCENARIOS = [
  {
    id: 'initiators-image/img-absent-cross-none',
    title: '<img> crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-absent-cross-star',
    title: '<img> crossorigin absent, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/img-absent-same',
    title: '<img> crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-absent-same-site-none',
    title: '<img> crossorigin absent, same-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-anon-cross-none',
    title: '<img> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-anon-cross-star',
    title: '<img> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/img-anon-cross-origin',
    title: '<img> crossorigin anonymous, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/img-anon-cross-wrong',
    title: '<img> crossorigin anonymous, cross-site, ACAO another origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-image/img-anon-cross-null',
    title: '<img> crossorigin anonymous, cross-site, ACAO null',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-image/img-anon-same',
    title: '<img> crossorigin anonymous, same-origin, same-origin baseline, no ACAO needed',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-anon-same-site-origin',
    title: '<img> crossorigin anonymous, same-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/img-anon-port-none',
    title: '<img> crossorigin anonymous, other port, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin-different-port' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-cred-cross-none',
    title: '<img> crossorigin use-credentials, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-cred-cross-star',
    title: '<img> crossorigin use-credentials, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/img-cred-cross-origin',
    title: '<img> crossorigin use-credentials, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/img-cred-cross-origin-acac',
    title: '<img> crossorigin use-credentials, cross-site, ACAO origin + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'cross-origin' },
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
    id: 'initiators-image/img-cred-cross-star-acac',
    title: '<img> crossorigin use-credentials, cross-site, ACAO * + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'initiators-image/img-cred-same',
    title: '<img> crossorigin use-credentials, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-absent-redirect-same-to-cross',
    title: '<img> crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-image/img-anon-redirect-same-to-cross-star',
    title: '<img> crossorigin anonymous, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-image/img-anon-redirect-cross-to-same-echo',
    title:
      '<img> crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO echoes Origin (null)',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-image/img-anon-redirect-cross-to-same-origin',
    title:
      '<img> crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO = page origin (Origin is now null)',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-image/img-anon-redirect-hop-no-acao',
    title:
      '<img> crossorigin anonymous, cross-site, 302 cross-origin without ACAO \u2192 cross-origin-2 ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin-2' }],
    },
  },
  {
    id: 'initiators-image/img-absent-https-cookie',
    title:
      '<img> crossorigin absent, cross-site https, cookie SameSite=None; Secure: sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-img-absent-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/img-anon-https-star-cookie',
    title: '<img> crossorigin anonymous, cross-site https, ACAO *, cookie not sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'anonymous', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-img-anon-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/img-cred-https-acac-cookie',
    title:
      '<img> crossorigin use-credentials, cross-site https, ACAO origin + ACAC, cookie sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img', crossorigin: 'use-credentials', target: 'https-cross-origin' },
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
          name: 'iniimage-img-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/img-canvas-absent-cross-none',
    title: '<img> drawn into a canvas and read crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-absent-cross-star',
    title: '<img> drawn into a canvas and read crossorigin absent, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/img-canvas-absent-same',
    title:
      '<img> drawn into a canvas and read crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-absent-same-site-none',
    title: '<img> drawn into a canvas and read crossorigin absent, same-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-anon-cross-none',
    title: '<img> drawn into a canvas and read crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-anon-cross-star',
    title: '<img> drawn into a canvas and read crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/img-canvas-anon-cross-origin',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/img-canvas-anon-cross-wrong',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, cross-site, ACAO another origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-image/img-canvas-anon-cross-null',
    title: '<img> drawn into a canvas and read crossorigin anonymous, cross-site, ACAO null',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-image/img-canvas-anon-same',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, same-origin, same-origin baseline, no ACAO needed',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-anon-same-site-origin',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, same-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/img-canvas-anon-port-none',
    title: '<img> drawn into a canvas and read crossorigin anonymous, other port, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin-different-port' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-cred-cross-none',
    title: '<img> drawn into a canvas and read crossorigin use-credentials, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-cred-cross-star',
    title: '<img> drawn into a canvas and read crossorigin use-credentials, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/img-canvas-cred-cross-origin',
    title:
      '<img> drawn into a canvas and read crossorigin use-credentials, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/img-canvas-cred-cross-origin-acac',
    title:
      '<img> drawn into a canvas and read crossorigin use-credentials, cross-site, ACAO origin + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'cross-origin' },
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
    id: 'initiators-image/img-canvas-cred-cross-star-acac',
    title:
      '<img> drawn into a canvas and read crossorigin use-credentials, cross-site, ACAO * + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'initiators-image/img-canvas-cred-same',
    title:
      '<img> drawn into a canvas and read crossorigin use-credentials, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/img-canvas-absent-redirect-same-to-cross',
    title:
      '<img> drawn into a canvas and read crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-image/img-canvas-anon-redirect-same-to-cross-star',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-image/img-canvas-anon-redirect-cross-to-same-echo',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO echoes Origin (null)',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-image/img-canvas-anon-redirect-cross-to-same-origin',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO = page origin (Origin is now null)',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-image/img-canvas-anon-redirect-hop-no-acao',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, cross-site, 302 cross-origin without ACAO \u2192 cross-origin-2 ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin-2' }],
    },
  },
  {
    id: 'initiators-image/img-canvas-absent-https-cookie',
    title:
      '<img> drawn into a canvas and read crossorigin absent, cross-site https, cookie SameSite=None; Secure: sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-img-canvas-absent-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/img-canvas-anon-https-star-cookie',
    title:
      '<img> drawn into a canvas and read crossorigin anonymous, cross-site https, ACAO *, cookie not sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'anonymous', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-img-canvas-anon-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/img-canvas-cred-https-acac-cookie',
    title:
      '<img> drawn into a canvas and read crossorigin use-credentials, cross-site https, ACAO origin + ACAC, cookie sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#update-the-image-data',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'img-canvas', crossorigin: 'use-credentials', target: 'https-cross-origin' },
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
          name: 'iniimage-img-canvas-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/css-background-image-cross-none',
    title: 'CSS background-image, cross-site, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/css-background-image-cross-star',
    title: 'CSS background-image, cross-site, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/css-background-image-cross-origin-acao',
    title: 'CSS background-image, cross-site, ACAO = page origin',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/css-background-image-cross-wrong',
    title: 'CSS background-image, cross-site, ACAO another origin',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-image/css-background-image-same',
    title: 'CSS background-image, same-origin, same-origin baseline',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/css-background-image-same-site-none',
    title: 'CSS background-image, same-site, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/css-background-image-redirect-same-to-cross-none',
    title: 'CSS background-image, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-image/css-background-image-https-star-cookie',
    title:
      'CSS background-image, cross-site https, ACAO *, a SameSite=None cookie (credentials same-origin: not sent)',
    anchors: [
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'background-image', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-css-background-image-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/css-mask-image-cross-none',
    title: 'CSS mask-image, cross-site, no ACAO',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/css-mask-image-cross-star',
    title: 'CSS mask-image, cross-site, ACAO *',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/css-mask-image-cross-origin-acao',
    title: 'CSS mask-image, cross-site, ACAO = page origin',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/css-mask-image-cross-wrong',
    title: 'CSS mask-image, cross-site, ACAO another origin',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-image/css-mask-image-same',
    title: 'CSS mask-image, same-origin, same-origin baseline',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/css-mask-image-same-site-none',
    title: 'CSS mask-image, same-site, no ACAO',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/css-mask-image-redirect-same-to-cross-none',
    title: 'CSS mask-image, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-image/css-mask-image-https-star-cookie',
    title:
      'CSS mask-image, cross-site https, ACAO *, a SameSite=None cookie (credentials same-origin: not sent)',
    anchors: [
      'https://drafts.fxtf.org/css-masking/#the-mask-image',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'css-image', variant: 'mask-image', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-css-mask-image-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/video-load-absent-cross-none',
    title: '<video> load, crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-load-anon-cross-none',
    title: '<video> load, crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-load-anon-cross-star',
    title: '<video> load, crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/video-load-cred-cross-origin-acac',
    title: '<video> load, crossorigin use-credentials, cross-site, ACAO origin + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'use-credentials' },
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
    id: 'initiators-image/video-load-cred-cross-star',
    title: '<video> load, crossorigin use-credentials, cross-site, ACAO * with credentials',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'use-credentials' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/video-load-absent-same',
    title: '<video> load, crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-load-anon-same',
    title: '<video> load, crossorigin anonymous, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'same-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-canvas-absent-cross-none',
    title: '<video> canvas, crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', variant: 'canvas' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-canvas-anon-cross-none',
    title: '<video> canvas, crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-canvas-anon-cross-star',
    title: '<video> canvas, crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/video-canvas-cred-cross-origin-acac',
    title: '<video> canvas, crossorigin use-credentials, cross-site, ACAO origin + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: {
      api: 'video',
      target: 'cross-origin',
      crossorigin: 'use-credentials',
      variant: 'canvas',
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
    id: 'initiators-image/video-canvas-anon-same',
    title: '<video> canvas, crossorigin anonymous, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'video', target: 'same-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-canvas-absent-cross-star',
    title:
      '<video> canvas, crossorigin absent, cross-site, ACAO * (no-cors: the header does not matter)',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'cross-origin', variant: 'canvas' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/video-canvas-absent-same',
    title: '<video> canvas, crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'same-origin', variant: 'canvas' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/video-canvas-anon-cross-origin',
    title: '<video> canvas, crossorigin anonymous, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/video-canvas-anon-cross-wrong',
    title: '<video> canvas, crossorigin anonymous, cross-site, ACAO another origin',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-image/video-canvas-cred-cross-star',
    title: '<video> canvas, crossorigin use-credentials, cross-site, ACAO * without ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: {
      api: 'video',
      target: 'cross-origin',
      crossorigin: 'use-credentials',
      variant: 'canvas',
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/video-canvas-cred-cross-origin',
    title: '<video> canvas, crossorigin use-credentials, cross-site, ACAO origin without ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: {
      api: 'video',
      target: 'cross-origin',
      crossorigin: 'use-credentials',
      variant: 'canvas',
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-image/video-canvas-cred-cross-star-acac',
    title: '<video> canvas, crossorigin use-credentials, cross-site, ACAO * + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: {
      api: 'video',
      target: 'cross-origin',
      crossorigin: 'use-credentials',
      variant: 'canvas',
    },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'initiators-image/video-canvas-absent-redirect-same-to-cross',
    title:
      '<video> canvas, crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'same-origin', variant: 'canvas' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-image/video-canvas-absent-redirect-cross-to-same',
    title:
      '<video> canvas, crossorigin absent, cross-site, 302 cross-origin \u2192 same-origin (the response stays opaque)',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'cross-origin', variant: 'canvas' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'same-origin' }] },
  },
  {
    id: 'initiators-image/video-canvas-anon-redirect-same-to-cross-star',
    title:
      '<video> canvas, crossorigin anonymous, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'same-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-image/video-canvas-anon-redirect-same-to-cross-none',
    title:
      '<video> canvas, crossorigin anonymous, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'same-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-image/video-canvas-anon-redirect-cross-to-same-echo',
    title:
      '<video> canvas, crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO echoes Origin (null)',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-image/video-canvas-anon-redirect-cross-to-same-origin',
    title:
      '<video> canvas, crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO = page origin (Origin is now null)',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'cross-origin', crossorigin: 'anonymous', variant: 'canvas' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-image/video-canvas-absent-https-cookie',
    title:
      '<video> canvas, crossorigin absent, cross-site https, cookie SameSite=None; Secure: sent, Sec-Fetch-Dest video',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: { api: 'video', target: 'https-cross-origin', variant: 'canvas' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-video-canvas-absent-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/video-canvas-anon-https-star-cookie',
    title: '<video> canvas, crossorigin anonymous, cross-site https, ACAO *, cookie not sent',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: {
      api: 'video',
      target: 'https-cross-origin',
      crossorigin: 'anonymous',
      variant: 'canvas',
    },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-video-canvas-anon-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/video-canvas-cred-https-acac-cookie',
    title:
      '<video> canvas, crossorigin use-credentials, cross-site https, ACAO origin + ACAC, cookie sent',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
      'https://html.spec.whatwg.org/#the-image-argument-is-not-origin-clean',
    ],
    request: {
      api: 'video',
      target: 'https-cross-origin',
      crossorigin: 'use-credentials',
      variant: 'canvas',
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
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniimage-video-canvas-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-image/audio-load-absent-cross-none',
    title: '<audio> load, crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/audio-load-anon-cross-none',
    title: '<audio> load, crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/audio-load-anon-cross-star',
    title: '<audio> load, crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/audio-load-cred-cross-origin-acac',
    title: '<audio> load, crossorigin use-credentials, cross-site, ACAO origin + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'cross-origin', crossorigin: 'use-credentials' },
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
    id: 'initiators-image/audio-load-cred-cross-star',
    title: '<audio> load, crossorigin use-credentials, cross-site, ACAO * with credentials',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'cross-origin', crossorigin: 'use-credentials' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-image/audio-load-absent-same',
    title: '<audio> load, crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-image/audio-load-anon-same',
    title: '<audio> load, crossorigin anonymous, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#concept-media-load-resource',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'audio', target: 'same-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
] satisfies Scenario[];
