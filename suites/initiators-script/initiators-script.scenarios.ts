// Scripts: classic <script> (no-cors unless crossorigin; errors muted when CORS-cross-origin),
// <script type=module> and import() (always cors), importScripts() in a worker (no-cors).
// ACAO present, absent and wrong; crossorigin states with credentials; 404s; redirects;
// same-origin baselines; the https origin for Fetch Metadata.
import type { Scenario } from '../../src/scenario/types.js';

export const INITIATORS_SCRIPT_SCENARIOS = [
  {
    id: 'initiators-script/script-absent-cross-none',
    title: 'classic <script> crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-absent-cross-star',
    title: 'classic <script> crossorigin absent, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/script-absent-same',
    title: 'classic <script> crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-absent-same-site-none',
    title: 'classic <script> crossorigin absent, same-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-anon-cross-none',
    title: 'classic <script> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-anon-cross-star',
    title: 'classic <script> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/script-anon-cross-origin',
    title: 'classic <script> crossorigin anonymous, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-script/script-anon-cross-wrong',
    title: 'classic <script> crossorigin anonymous, cross-site, ACAO another origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-script/script-anon-cross-null',
    title: 'classic <script> crossorigin anonymous, cross-site, ACAO null',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-script/script-anon-same',
    title:
      'classic <script> crossorigin anonymous, same-origin, same-origin baseline, no ACAO needed',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-anon-same-site-origin',
    title: 'classic <script> crossorigin anonymous, same-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'same-site' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-script/script-anon-port-none',
    title: 'classic <script> crossorigin anonymous, other port, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin-different-port' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-cred-cross-none',
    title: 'classic <script> crossorigin use-credentials, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-cred-cross-star',
    title: 'classic <script> crossorigin use-credentials, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/script-cred-cross-origin',
    title: 'classic <script> crossorigin use-credentials, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-script/script-cred-cross-origin-acac',
    title: 'classic <script> crossorigin use-credentials, cross-site, ACAO origin + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'cross-origin' },
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
    id: 'initiators-script/script-cred-cross-star-acac',
    title: 'classic <script> crossorigin use-credentials, cross-site, ACAO * + ACAC true',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'cross-origin' },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'initiators-script/script-cred-same',
    title: 'classic <script> crossorigin use-credentials, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/script-absent-redirect-same-to-cross',
    title:
      'classic <script> crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-script/script-anon-redirect-same-to-cross-star',
    title:
      'classic <script> crossorigin anonymous, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-script/script-anon-redirect-cross-to-same-echo',
    title:
      'classic <script> crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO echoes Origin (null)',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-script/script-anon-redirect-cross-to-same-origin',
    title:
      'classic <script> crossorigin anonymous, cross-site, 307 cross-origin (ACAO *) \u2192 same-origin, final ACAO = page origin (Origin is now null)',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } },
      redirects: [
        { status: 307, to: 'same-origin', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-script/script-anon-redirect-hop-no-acao',
    title:
      'classic <script> crossorigin anonymous, cross-site, 302 cross-origin without ACAO \u2192 cross-origin-2 ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin-2' }],
    },
  },
  {
    id: 'initiators-script/script-absent-https-cookie',
    title:
      'classic <script> crossorigin absent, cross-site https, cookie SameSite=None; Secure: sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniscript-script-absent-https-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-script/script-anon-https-star-cookie',
    title:
      'classic <script> crossorigin anonymous, cross-site https, ACAO *, cookie not sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniscript-script-anon-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-script/script-cred-https-acac-cookie',
    title:
      'classic <script> crossorigin use-credentials, cross-site https, ACAO origin + ACAC, cookie sent, Sec-Fetch-*',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'use-credentials', target: 'https-cross-origin' },
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
          name: 'iniscript-script-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-script/script-absent-cross-404',
    title: 'classic <script> crossorigin absent, cross-site, status 404',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', target: 'cross-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-script/script-anon-cross-404-star',
    title: 'classic <script> crossorigin anonymous, cross-site, status 404 with ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/script-anon-same-404',
    title: 'classic <script> crossorigin anonymous, same-origin, same-origin status 404',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-script',
      'https://html.spec.whatwg.org/#create-a-potential-cors-request',
    ],
    request: { api: 'script', crossorigin: 'anonymous', target: 'same-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-script/module-absent-cross-none',
    title: '<script type=module> crossorigin absent, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/module-absent-cross-star',
    title: '<script type=module> crossorigin absent, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/module-absent-cross-origin',
    title: '<script type=module> crossorigin absent, cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-script/module-absent-cross-wrong',
    title: '<script type=module> crossorigin absent, cross-site, ACAO another origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'http://wrong.example' } },
    },
  },
  {
    id: 'initiators-script/module-absent-same',
    title: '<script type=module> crossorigin absent, same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/module-absent-same-site-none',
    title: '<script type=module> crossorigin absent, same-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'same-site' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/module-anon-cross-star',
    title: '<script type=module> crossorigin anonymous, cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/module-anon-cross-none',
    title: '<script type=module> crossorigin anonymous, cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin', crossorigin: 'anonymous' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/module-cred-cross-star',
    title: '<script type=module> crossorigin use-credentials, cross-site, ACAO * with credentials',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin', crossorigin: 'use-credentials' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/module-cred-cross-origin-acac',
    title: '<script type=module> crossorigin use-credentials, cross-site, ACAO origin + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin', crossorigin: 'use-credentials' },
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
    id: 'initiators-script/module-cred-cross-star-acac',
    title: '<script type=module> crossorigin use-credentials, cross-site, ACAO * + ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin', crossorigin: 'use-credentials' },
    server: {
      actual: {
        status: 200,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
      },
    },
  },
  {
    id: 'initiators-script/module-cred-cross-origin-no-acac',
    title: '<script type=module> crossorigin use-credentials, cross-site, ACAO origin without ACAC',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin', crossorigin: 'use-credentials' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-script/module-absent-cross-404-star',
    title: '<script type=module> crossorigin absent, cross-site, status 404 with ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/module-absent-redirect-same-to-cross-star',
    title:
      '<script type=module> crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'same-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
      redirects: [{ status: 302, to: 'cross-origin' }],
    },
  },
  {
    id: 'initiators-script/module-absent-redirect-same-to-cross-none',
    title:
      '<script type=module> crossorigin absent, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-script/module-absent-https-star-cookie',
    title:
      '<script type=module> crossorigin absent, cross-site https, ACAO *, cookie not sent (credentials same-origin)',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniscript-module-absent-https-star-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-script/module-cred-https-acac-cookie',
    title:
      '<script type=module> crossorigin use-credentials, cross-site https, ACAO origin + ACAC, cookie sent',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#cors-settings-attribute-credentials-mode',
    ],
    request: { api: 'module-script', target: 'https-cross-origin', crossorigin: 'use-credentials' },
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
          name: 'iniscript-module-cred-https-acac-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
  {
    id: 'initiators-script/import-cross-none',
    title: 'import(), cross-site, no ACAO',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/import-cross-star',
    title: 'import(), cross-site, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/import-cross-origin',
    title: 'import(), cross-site, ACAO = page origin',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<origin>' } } },
  },
  {
    id: 'initiators-script/import-cross-null',
    title: 'import(), cross-site, ACAO null',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': 'null' } } },
  },
  {
    id: 'initiators-script/import-same',
    title: 'import(), same-origin, same-origin baseline',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/import-cross-404-star',
    title: 'import(), cross-site, status 404 with ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'cross-origin' },
    server: { actual: { status: 404, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/import-redirect-cross-to-cross2-star',
    title:
      'import(), cross-site, 307 cross-origin (ACAO *) \u2192 cross-origin-2, ACAO echoes Origin (null)',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'cross-origin' },
    server: {
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '<request-origin>' } },
      redirects: [
        { status: 307, to: 'cross-origin-2', headers: { 'Access-Control-Allow-Origin': '*' } },
      ],
    },
  },
  {
    id: 'initiators-script/import-https-star',
    title: 'import(), cross-site https, ACAO *',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-single-module-script',
      'https://html.spec.whatwg.org/#hostloadimportedmodule',
    ],
    request: { api: 'dynamic-import', target: 'https-cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/importscripts-cross-none',
    title:
      'importScripts() in a same-origin worker, cross-site, no ACAO (no-cors: runs, errors muted)',
    anchors: ['https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script'],
    request: { api: 'importScripts', target: 'cross-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/importscripts-cross-star',
    title: 'importScripts() in a same-origin worker, cross-site, ACAO *',
    anchors: ['https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script'],
    request: { api: 'importScripts', target: 'cross-origin' },
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'initiators-script/importscripts-same',
    title: 'importScripts() in a same-origin worker, same-origin, same-origin baseline',
    anchors: ['https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script'],
    request: { api: 'importScripts', target: 'same-origin' },
    server: { actual: { status: 200 } },
  },
  {
    id: 'initiators-script/importscripts-redirect-cross-and-back',
    title:
      'importScripts() in a same-origin worker, same-origin 302 to cross-site 302 back: opaque from the first cross-origin hop, errors muted',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script',
      'https://fetch.spec.whatwg.org/#concept-main-fetch',
    ],
    request: { api: 'importScripts', target: 'same-origin' },
    server: {
      actual: { status: 200 },
      redirects: [
        { status: 302, to: 'cross-origin' },
        { status: 302, to: 'same-origin' },
      ],
    },
  },
  {
    id: 'initiators-script/importscripts-redirect-cross-to-same',
    title:
      'importScripts() in a same-origin worker, cross-site 301 to the page origin: opaque, errors muted',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script',
      'https://fetch.spec.whatwg.org/#concept-main-fetch',
    ],
    request: { api: 'importScripts', target: 'cross-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 301, to: 'same-origin' }] },
  },
  {
    id: 'initiators-script/importscripts-redirect-cross-back-then-same',
    title:
      'importScripts() in a same-origin worker, same-origin 301 to cross-site, 301 back, 301 to itself: opaque, errors muted',
    anchors: [
      'https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script',
      'https://fetch.spec.whatwg.org/#concept-main-fetch',
    ],
    request: { api: 'importScripts', target: 'same-origin' },
    server: {
      actual: { status: 200 },
      redirects: [
        { status: 301, to: 'cross-origin' },
        { status: 301, to: 'same-origin' },
        { status: 301, to: 'same-origin' },
      ],
    },
  },
  {
    id: 'initiators-script/importscripts-cross-404',
    title: 'importScripts() in a same-origin worker, cross-site, status 404',
    anchors: ['https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script'],
    request: { api: 'importScripts', target: 'cross-origin' },
    server: { actual: { status: 404 } },
  },
  {
    id: 'initiators-script/importscripts-redirect-same-to-cross',
    title:
      'importScripts() in a same-origin worker, same-origin, 302 same-origin \u2192 cross-origin, no ACAO',
    anchors: ['https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script'],
    request: { api: 'importScripts', target: 'same-origin' },
    server: { actual: { status: 200 }, redirects: [{ status: 302, to: 'cross-origin' }] },
  },
  {
    id: 'initiators-script/importscripts-https-none-cookie',
    title:
      'importScripts() in a same-origin worker, cross-site https, cookie SameSite=None; Secure: sent (credentials include)',
    anchors: ['https://html.spec.whatwg.org/#fetch-a-classic-worker-imported-script'],
    request: { api: 'importScripts', target: 'https-cross-origin' },
    server: { actual: { status: 200 } },
    setup: {
      cookies: [
        {
          on: 'https-cross-origin',
          name: 'iniscript-importscripts-https-none-cookie',
          value: '1',
          attributes: 'Path=/; SameSite=None; Secure',
        },
      ],
    },
  },
] satisfies Scenario[];
