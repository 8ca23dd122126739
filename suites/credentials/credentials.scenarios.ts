// Credentials: which requests carry the jar's cookie (the fixture journal shows whether it
// arrived), how the CORS check treats credentialed responses, cookie attributes (SameSite,
// Secure) over http and the https origin, and cookies stored from a CORS response's
// `Set-Cookie`. Each cookie name is unique to its row, so rows never see another row's cookie.
import type {
  CookieSetup,
  CredentialsMode,
  HeaderList,
  OriginRole,
  ResponseSpec,
  Scenario,
} from '../../src/scenario/types.js';

const ALLOW_CREDS = {
  'Access-Control-Allow-Origin': '<origin>',
  'Access-Control-Allow-Credentials': 'true',
};
const ACAO_ORIGIN: [string, string] = ['Access-Control-Allow-Origin', '<origin>'];
const ACAO_STAR: [string, string] = ['Access-Control-Allow-Origin', '*'];
const ACAC_TRUE: [string, string] = ['Access-Control-Allow-Credentials', 'true'];
const CREDENTIALED_OK: ResponseSpec = { status: 200, headers: ALLOW_CREDS, body: 'ok' };

const MODES: CredentialsMode[] = ['omit', 'same-origin', 'include'];

/**
 * A jar shared by many rows (one cookie-jar group in the run): a cookie of the given
 * attributes on each host. A row's verdict compares whether any of the jar's cookies
 * arrived on each request; cookies are host-only, so a row sees the one of its host.
 */
function sharedJar(tag: string, attrs: string, httpsAttrs: string): { cookies: CookieSetup[] } {
  const on: [OriginRole, string][] = [
    ['same-origin', attrs],
    ['same-site', attrs],
    ['cross-origin', attrs],
    ['https-cross-origin', httpsAttrs],
  ];
  return {
    cookies: on.map(([role, a]) => ({
      on: role,
      name: `sbj-${tag}-${role}`,
      value: '1',
      attributes: a,
    })),
  };
}

/** Cookies without SameSite over http; SameSite=None; Secure on the https origin. */
const PLAIN_JAR = sharedJar('plain', 'Path=/', 'Path=/; SameSite=None; Secure');

/** One cookie, `SameSite=None; Secure`, on the https origin (host example.net). */
const SECURE_ONLY_JAR = {
  cookies: [
    {
      on: 'https-cross-origin',
      name: 'sbj-secure-only',
      value: '1',
      attributes: 'Path=/; SameSite=None; Secure',
    },
  ],
} satisfies { cookies: CookieSetup[] };

const TARGETS: [OriginRole, string][] = [
  ['same-origin', 'same-origin URL'],
  ['same-site', 'same-site URL (sub.example.com)'],
  ['cross-origin-different-port', 'the page host on another port (ports do not count)'],
  ['cross-origin', 'cross-site http URL'],
  ['https-cross-origin', 'cross-site https URL'],
];

export const CREDENTIALS_SCENARIOS = [
  // Credentials mode x where the request goes, with a host-only cookie without attributes:
  // `include` sends it anywhere the jar allows, `same-origin` only while tainting is basic,
  // `omit` never. Cross-site rows depend on the engine's SameSite default.
  ...TARGETS.flatMap(([target, what]) =>
    MODES.map(
      (credentials) =>
        ({
          id: `credentials/jar-${target}-${credentials}`,
          title: `credentials ${credentials}, ${what}`,
          anchors: ['concept-request-credentials-mode', 'concept-http-network-or-cache-fetch'],
          request: { method: 'GET', target, credentials },
          setup: PLAIN_JAR,
          server: { actual: CREDENTIALED_OK },
        }) satisfies Scenario,
    ),
  ),

  // SameSite attribute values against the request's site relation (schemeful): a jar per
  // value, each with a cookie on every host (Secure added on the https origin).
  ...(
    [
      ['strict', 'SameSite=Strict'],
      ['lax', 'SameSite=Lax'],
      ['none-insecure', 'SameSite=None'],
      ['secure-only', 'Secure'],
    ] as const
  ).flatMap(([tag, attr]) =>
    (['same-origin', 'same-site', 'cross-origin', 'https-cross-origin'] as const).map(
      (target) =>
        ({
          id: `credentials/samesite-${tag}-${target}`,
          title: `${attr} cookies, credentialed GET to ${target}`,
          anchors: ['concept-request-credentials-mode', 'concept-http-network-or-cache-fetch'],
          request: { method: 'GET', target, credentials: 'include' },
          setup: sharedJar(
            tag,
            `Path=/; ${attr}`,
            attr.includes('Secure') ? `Path=/; ${attr}` : `Path=/; ${attr}; Secure`,
          ),
          server: { actual: CREDENTIALED_OK },
        }) satisfies Scenario,
    ),
  ),

  // Secure: a Secure cookie of example.net goes to https://example.net only, never to http://example.net.
  {
    id: 'credentials/secure-cookie-not-over-http',
    title: 'only a SameSite=None; Secure cookie of example.net: not sent to http://example.net',
    anchors: ['concept-http-network-or-cache-fetch'],
    request: { method: 'GET', target: 'cross-origin', credentials: 'include' },
    setup: SECURE_ONLY_JAR,
    server: { actual: CREDENTIALED_OK },
  },
  {
    id: 'credentials/secure-cookie-over-https',
    title: 'the same jar, GET to https://example.net (twin)',
    anchors: ['concept-http-network-or-cache-fetch'],
    request: { method: 'GET', target: 'https-cross-origin', credentials: 'include' },
    setup: SECURE_ONLY_JAR,
    server: { actual: CREDENTIALED_OK },
  },

  // The CORS check on credentialed responses: the cookie goes out either way; only an exact
  // ACAO with ACAC `true` lets the response through.
  ...(
    [
      ['star', [ACAO_STAR, ['Access-Control-Allow-Credentials', 'true']]],
      ['no-acac', [ACAO_ORIGIN]],
      ['acac-True', [ACAO_ORIGIN, ['Access-Control-Allow-Credentials', 'True']]],
      ['acac-twice', [ACAO_ORIGIN, ACAC_TRUE, ACAC_TRUE]],
      ['acao-twice', [ACAO_ORIGIN, ACAO_ORIGIN, ACAC_TRUE]],
      ['exact', [ACAO_ORIGIN, ACAC_TRUE]],
    ] satisfies [string, HeaderList][]
  ).map(
    ([short, headers]) =>
      ({
        id: `credentials/check-${short}`,
        title: `credentialed same-site GET, response ${short}`,
        anchors: ['concept-cors-check'],
        request: { method: 'GET', target: 'same-site', credentials: 'include' },
        setup: PLAIN_JAR,
        server: { actual: { status: 200, headers } },
      }) satisfies Scenario,
  ),
  {
    id: 'credentials/omit-star-ok',
    title: "credentials 'omit' with ACAO * → ok, no cookie",
    anchors: ['concept-cors-check', 'concept-request-credentials-mode'],
    request: { method: 'GET', target: 'same-site', credentials: 'omit' },
    setup: PLAIN_JAR,
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },
  {
    id: 'credentials/same-origin-mode-star-ok',
    title: "credentials 'same-origin' cross-origin with ACAO * → ok, no cookie",
    anchors: ['concept-cors-check', 'concept-request-credentials-mode'],
    request: { method: 'GET', target: 'same-site', credentials: 'same-origin' },
    setup: PLAIN_JAR,
    server: { actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } } },
  },

  // Preflights never carry cookies, and their CORS check uses the actual request's
  // credentials mode (ACAC needed on the preflight too).
  {
    id: 'credentials/preflight-acac-ok',
    title: 'credentialed PUT: preflight with ACAC true → the PUT carries the cookie',
    anchors: ['cors-preflight-fetch-0', 'concept-cors-check'],
    request: { method: 'PUT', target: 'same-site', credentials: 'include' },
    setup: PLAIN_JAR,
    server: {
      preflight: {
        status: 204,
        headers: { ...ALLOW_CREDS, 'Access-Control-Allow-Methods': 'PUT' },
      },
      actual: CREDENTIALED_OK,
    },
  },
  {
    id: 'credentials/preflight-no-acac',
    title: 'credentialed PUT: preflight without ACAC → no PUT',
    anchors: ['cors-preflight-fetch-0', 'concept-cors-check'],
    request: { method: 'PUT', target: 'same-site', credentials: 'include' },
    setup: PLAIN_JAR,
    server: {
      preflight: {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '<origin>',
          'Access-Control-Allow-Methods': 'PUT',
        },
      },
      actual: CREDENTIALED_OK,
    },
  },
  {
    id: 'credentials/preflight-star-methods-credentialed',
    title: 'credentialed PUT: ACAM * is a literal method name → no PUT',
    anchors: ['cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'same-site', credentials: 'include' },
    setup: PLAIN_JAR,
    server: {
      preflight: { status: 204, headers: { ...ALLOW_CREDS, 'Access-Control-Allow-Methods': '*' } },
      actual: CREDENTIALED_OK,
    },
  },
  {
    id: 'credentials/preflight-star-methods-uncredentialed',
    title: 'the same PUT without credentials: ACAM * allows it (twin)',
    anchors: ['cors-preflight-fetch-0'],
    request: { method: 'PUT', target: 'same-site', credentials: 'same-origin' },
    setup: PLAIN_JAR,
    server: {
      preflight: {
        status: 204,
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': '*' },
      },
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  },
  {
    id: 'credentials/preflight-star-headers-credentialed',
    title: 'credentialed GET with X-Token: ACAH * is literal → no GET',
    anchors: ['cors-preflight-fetch-0'],
    request: {
      method: 'GET',
      target: 'same-site',
      credentials: 'include',
      headers: { 'X-Token': '1' },
    },
    setup: PLAIN_JAR,
    server: {
      preflight: { status: 204, headers: { ...ALLOW_CREDS, 'Access-Control-Allow-Headers': '*' } },
      actual: CREDENTIALED_OK,
    },
  },
  {
    id: 'credentials/preflight-named-headers-credentialed',
    title: 'credentialed GET with X-Token: ACAH x-token → the GET with its cookie (twin)',
    anchors: ['cors-preflight-fetch-0'],
    request: {
      method: 'GET',
      target: 'same-site',
      credentials: 'include',
      headers: { 'X-Token': '1' },
    },
    setup: PLAIN_JAR,
    server: {
      preflight: {
        status: 204,
        headers: { ...ALLOW_CREDS, 'Access-Control-Allow-Headers': 'x-token' },
      },
      actual: CREDENTIALED_OK,
    },
  },

  // Redirect chains: `same-origin` credentials stop once the request leaves its origin,
  // also on the way back; `include` keeps sending.
  ...MODES.map(
    (credentials) =>
      ({
        id: `credentials/redirect-back-home-${credentials}`,
        title: `credentials ${credentials}: example.com → sub.example.com (302) → example.com, cookie on example.com`,
        anchors: ['concept-request-credentials-mode', 'http-redirect-fetch'],
        request: { method: 'GET', target: 'same-origin', credentials },
        setup: PLAIN_JAR,
        server: {
          redirects: [
            { status: 302, to: 'same-site' },
            { status: 302, to: 'same-origin', headers: ALLOW_CREDS },
          ],
          actual: {
            status: 200,
            headers: {
              'Access-Control-Allow-Origin': 'null',
              'Access-Control-Allow-Credentials': 'true',
            },
          },
        },
      }) satisfies Scenario,
  ),
  {
    id: 'credentials/redirect-same-to-same-site-same-origin-mode',
    title: "credentials 'same-origin': example.com (302) → sub.example.com, cookies on both hosts",
    anchors: ['concept-request-credentials-mode', 'http-redirect-fetch'],
    request: { method: 'GET', target: 'same-origin', credentials: 'same-origin' },
    setup: PLAIN_JAR,
    server: {
      redirects: [{ status: 302, to: 'same-site' }],
      actual: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    },
  },

  // Set-Cookie from a response: stored when credentials are included (even when the CORS
  // check then fails), ignored otherwise. A follow-up credentialed request shows whether the
  // jar has it. The setup cookie of the same name lives on example.org, which these rows never
  // contact, so the name is known to the journal reader.
  ...setCookieRows(),
] satisfies Scenario[];

function setCookieRows(): Scenario[] {
  const rows: {
    short: string;
    target: OriginRole;
    credentials: CredentialsMode;
    cookieAttrs: string;
    allow: boolean;
    what: string;
  }[] = [
    {
      short: 'same-site-include',
      target: 'same-site',
      credentials: 'include',
      cookieAttrs: 'Path=/',
      allow: true,
      what: 'credentialed same-site response sets a cookie',
    },
    {
      short: 'same-site-omit',
      target: 'same-site',
      credentials: 'omit',
      cookieAttrs: 'Path=/',
      allow: true,
      what: "credentials 'omit': Set-Cookie ignored",
    },
    {
      short: 'same-site-include-cors-fails',
      target: 'same-site',
      credentials: 'include',
      cookieAttrs: 'Path=/',
      allow: false,
      what: 'credentialed response failing the CORS check still sets its cookie',
    },
    {
      short: 'cross-site-unset',
      target: 'cross-origin',
      credentials: 'include',
      cookieAttrs: 'Path=/',
      allow: true,
      what: 'cross-site response sets a cookie without SameSite',
    },
    {
      short: 'https-none-secure',
      target: 'https-cross-origin',
      credentials: 'include',
      cookieAttrs: 'Path=/; SameSite=None; Secure',
      allow: true,
      what: 'https cross-site response sets SameSite=None; Secure',
    },
  ];
  return rows.map((r) => {
    const name = `sbc-set-${r.short}`;
    return {
      id: `credentials/set-cookie-${r.short}`,
      title: `${r.what}; a credentialed follow-up shows whether it was stored`,
      anchors: ['concept-http-network-or-cache-fetch', 'concept-request-credentials-mode'],
      request: { method: 'GET', target: r.target, credentials: r.credentials },
      setup: { cookies: [{ on: 'cross-origin-2', name, value: '0', attributes: 'Path=/' }] },
      server: {
        actual: {
          status: 200,
          headers: [
            ...(r.allow ? [ACAO_ORIGIN, ACAC_TRUE] : []),
            ['Set-Cookie', `${name}=1; ${r.cookieAttrs}`],
          ],
        },
      },
      then: { request: { credentials: 'include' } },
    } satisfies Scenario;
  });
}
