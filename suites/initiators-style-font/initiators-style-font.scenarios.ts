// Style sheets and fonts: <link rel=stylesheet> (no-cors unless crossorigin; cssRules throws
// when CORS-cross-origin) and web fonts (always cors, credentials same-origin: @font-face and
// new FontFace().load()). ACAO present, absent and wrong; credentials; 404s; redirects;
// same-origin baselines; the https origin for Fetch Metadata.
import type { Scenario } from '../../src/scenario/types.js';

export const INITIATORS_STYLE_FONT_SCENARIOS = [
  {
    id: 'initiators-style-font/stylesheet-absent-cross-none',
    title: '<link rel=stylesheet> crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-absent-cross-star',
    title: '<link rel=stylesheet> crossorigin absent, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-absent-same',
    title: '<link rel=stylesheet> crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-absent-same-site-none',
    title: '<link rel=stylesheet> crossorigin absent, same-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-cross-none',
    title: '<link rel=stylesheet> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-cross-star',
    title: '<link rel=stylesheet> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-cross-origin',
    title: '<link rel=stylesheet> crossorigin anonymous, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-cross-wrong',
    title: '<link rel=stylesheet> crossorigin anonymous, cross-site, ACAO another origin',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-cross-null',
    title: '<link rel=stylesheet> crossorigin anonymous, cross-site, ACAO null',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-same',
    title:
      '<link rel=stylesheet> crossorigin anonymous, same-origin, same-origin baseline, no ACAO needed',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-same-site-origin',
    title: '<link rel=stylesheet> crossorigin anonymous, same-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-port-none',
    title: '<link rel=stylesheet> crossorigin anonymous, other port, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin-different-port' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-cred-cross-none',
    title: '<link rel=stylesheet> crossorigin use-credentials, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-cred-cross-star',
    title: '<link rel=stylesheet> crossorigin use-credentials, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-cred-cross-origin',
    title: '<link rel=stylesheet> crossorigin use-credentials, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-cred-cross-origin-acac',
    title: '<link rel=stylesheet> crossorigin use-credentials, cross-site, ACAO origin + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'cross-origin' },
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
    id: 'initiators-style-font/stylesheet-cred-cross-star-acac',
    title: '<link rel=stylesheet> crossorigin use-credentials, cross-site, ACAO * + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'initiators-style-font/stylesheet-cred-same',
    title: '<link rel=stylesheet> crossorigin use-credentials, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/stylesheet-absent-redirect-same-to-cross',
    title:
      '<link rel=stylesheet> crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-redirect-same-to-cross-star',
    title:
      '<link rel=stylesheet> crossorigin anonymous, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-redirect-cross-to-same-echo',
    title:
      '<link rel=stylesheet> crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO echoes Origin (null)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-redirect-cross-to-same-origin',
    title:
      '<link rel=stylesheet> crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO = page origin (Origin is now null)',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-redirect-hop-no-acao',
    title:
      '<link rel=stylesheet> crossorigin anonymous, cross-site, 302 cross-origin without ACAO \u2192 cross-origin-2 ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin-2' }],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-absent-https-cookie',
    title:
      '<link rel=stylesheet> crossorigin absent, cross-site https, cookie SameSite=None; Secure: sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'inistyle-font-stylesheet-absent-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-https-star-cookie',
    title:
      '<link rel=stylesheet> crossorigin anonymous, cross-site https, ACAO *, cookie not sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'inistyle-font-stylesheet-anon-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-cred-https-acac-cookie',
    title:
      '<link rel=stylesheet> crossorigin use-credentials, cross-site https, ACAO origin + ACAC, cookie sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'use-credentials', target: 'https-cross-origin' },
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
          name: 'inistyle-font-stylesheet-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-style-font/stylesheet-absent-cross-404',
    title: '<link rel=stylesheet> crossorigin absent, cross-site, status 404',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', target: 'cross-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-cross-404-star',
    title: '<link rel=stylesheet> crossorigin anonymous, cross-site, status 404 with ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/stylesheet-anon-same-404',
    title: '<link rel=stylesheet> crossorigin anonymous, same-origin, same-origin status 404',
    anchors: [
      'https://html.spec.whatwg.org/#link-type-stylesheet',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'stylesheet', crossorigin: 'anonymous', target: 'same-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-style-font/font-face-cross-none',
    title: 'font via font-face, cross-site, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/font-face-cross-star',
    title: 'font via font-face, cross-site, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/font-face-cross-origin',
    title: 'font via font-face, cross-site, ACAO = page origin',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-style-font/font-face-cross-wrong',
    title: 'font via font-face, cross-site, ACAO another origin',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-style-font/font-face-cross-null',
    title: 'font via font-face, cross-site, ACAO null',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-style-font/font-face-same',
    title: 'font via font-face, same-origin, same-origin baseline',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/font-face-same-site-none',
    title: 'font via font-face, same-site, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/font-face-port-star',
    title: 'font via font-face, other port, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin-different-port' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/font-face-cross-404-star',
    title: 'font via font-face, cross-site, status 404 with ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/font-face-redirect-same-to-cross-star',
    title: 'font via font-face, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-style-font/font-face-redirect-same-to-cross-none',
    title: 'font via font-face, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-style-font/font-face-https-star-cookie',
    title:
      'font via font-face, cross-site https, ACAO *, cookie not sent (credentials same-origin)',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'inistyle-font-font-face-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-style-font/font-face-https-origin-acac',
    title: 'font via font-face, cross-site https, ACAO origin + ACAC',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face', target: 'https-cross-origin' },
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
    id: 'initiators-style-font/font-face-load-cross-none',
    title: 'font via font-face-load, cross-site, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/font-face-load-cross-star',
    title: 'font via font-face-load, cross-site, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/font-face-load-cross-origin',
    title: 'font via font-face-load, cross-site, ACAO = page origin',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-style-font/font-face-load-cross-wrong',
    title: 'font via font-face-load, cross-site, ACAO another origin',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-style-font/font-face-load-cross-null',
    title: 'font via font-face-load, cross-site, ACAO null',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-style-font/font-face-load-same',
    title: 'font via font-face-load, same-origin, same-origin baseline',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/font-face-load-same-site-none',
    title: 'font via font-face-load, same-site, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-style-font/font-face-load-port-star',
    title: 'font via font-face-load, other port, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin-different-port' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/font-face-load-cross-404-star',
    title: 'font via font-face-load, cross-site, status 404 with ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-style-font/font-face-load-redirect-same-to-cross-star',
    title: 'font via font-face-load, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-style-font/font-face-load-redirect-same-to-cross-none',
    title: 'font via font-face-load, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-style-font/font-face-load-https-star-cookie',
    title:
      'font via font-face-load, cross-site https, ACAO *, cookie not sent (credentials same-origin)',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'inistyle-font-font-face-load-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-style-font/font-face-load-https-origin-acac',
    title: 'font via font-face-load, cross-site https, ACAO origin + ACAC',
    anchors: [
      'https://drafts.csswg.org/css-fonts/#font-fetching-requirements',
      'https://drafts.csswg.org/css-values-4/#fetch-a-style-resource',
    ],
    request: { api: 'font', variant: 'font-face-load', target: 'https-cross-origin' },
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
] satisfies Scenario[];
