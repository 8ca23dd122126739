// Chromium: where it departs from the Fetch Standard, as profile knobs (the model computes
// them) and deviation rules (it cannot), each with evidence. Source paths are in chromium/src.
import { SPEC } from '../model/spec-profile.js';
import { CHROMIUM_INITIATOR_RULES } from './initiator-rules.js';
import {
  CONDITIONAL_REQUEST_HEADER_PREFLIGHT_NOT_CACHED,
  POST_REDIRECT_FROM_PAGE_ORIGIN,
  REDIRECT_WITHOUT_LOCATION_IS_FINAL_IN_ERROR_MODE,
} from './shared-rules.js';
import { EVERY_FIELD, OUTCOME_FIELDS, PREFLIGHT_FIELDS } from './types.js';
import type { DeviationRule, EngineFacts } from './types.js';

const RULES: readonly DeviationRule[] = [
  {
    id: 'stream-body-preflighted-before-mode-check',
    reason:
      'a fetch() with a ReadableStream body in mode same-origin to another origin is ' +
      'preflighted before it fails; main fetch fails a same-origin-mode request to another ' +
      'origin before any request (fetch#concept-main-fetch step 12)',
    fields: [...PREFLIGHT_FIELDS, 'secFetch'],
    when: { request: { api: ['fetch'], mode: ['same-origin'], body: ['stream'] } },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Chromium 156: an OPTIONS reaches the cross-origin URL, then the page sees a network error',
      searched:
        'not looked up yet: where Blink or the network service checks the mode against a ' +
        'streaming upload (third_party/blink/renderer/core/fetch/fetch_manager.cc, ' +
        'services/network/cors/cors_url_loader.cc)',
    },
    rows: ['modes/same-origin-mode-stream-body-cross'],
    replays: ['5150:88:0:4:4:6:6:6:6:6:6:6:6:6:6', '5150:71:0:1:0:0:0:0:0:0:0:1:3:2:4:4:4:4:4:4'],
  },
  {
    id: 'origin-ignores-no-referrer-outside-cors',
    reason:
      'a fetch() outside cors mode with a method other than GET/HEAD sends the page origin in ' +
      '`Origin` under referrer policy no-referrer (or same-origin, cross-origin), where ' +
      'fetch#append-a-request-origin-header step 4 sends `null`',
    fields: ['originHeader'],
    when: {
      request: {
        api: ['fetch'],
        mode: ['no-cors', 'same-origin'],
        notMethod: ['GET', 'HEAD'],
        referrerPolicy: ['no-referrer', 'same-origin'],
      },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          wpt: 'third_party/blink/web_tests/external/wpt/fetch/origin/assorted.window-expected.txt',
          test: 'Origin header and POST same-origin fetch no-cors mode with Referrer-Policy no-referrer',
        },
      ],
      observed: 'Chromium 156: a no-cors POST under no-referrer carries the page origin',
    },
    rows: ['modes/no-cors-post-no-referrer'],
    replays: ['1:6:0:1:0:2:2:2:4:4:5:4:4:4:4:4'],
  },
  {
    id: 'credentials-in-redirect-url-blocked',
    reason:
      'a fetch() redirected to a URL with user:pass@ is blocked in every mode, where ' +
      'fetch#http-redirect-fetch fails it only in cors mode across origins or under cors tainting; ' +
      'nothing after that hop happens, a preflight at a later cross-origin hop included (so ' +
      'the Fetch Metadata of the requests never sent is missing too)',
    fields: EVERY_FIELD,
    when: { request: { api: ['fetch'] }, redirects: { present: true, userinfo: true } },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/core/loader/frame_fetch_context.cc',
          symbol: 'FrameFetchContext::ShouldBlockFetchAsCredentialedSubresource',
        },
        { bug: 'https://github.com/whatwg/fetch/issues/660' },
      ],
      observed:
        'Chromium 156: the redirect is not followed (network error); with a later hop to ' +
        'another origin the journal ends at the hop that answers with the user:pass@ Location ' +
        '(no OPTIONS at the later hop)',
    },
    rows: ['redirects/userinfo-same-to-same', 'redirects/userinfo-no-cors-cross'],
    replays: [
      '2:4:0:0:0:0:0:0:0:0:0:1:0:0:0:2:1:2:1:1:1:1',
      '61001:6374:0:0:0:0:0:0:0:0:0:1:0:0:0:0:3:1:2:3:4:4:4:4:5:6:4',
      '61001:9700:0:0:0:0:0:2:0:3:2:5:3:3:4:3:3:3:4:4:5:5:5:5:5:5:5',
      '72002:1128:0:1:1:1:0:0:0:3:1:1:1:1:2:2:2:5:3:4:3:3:4:5:5:5:5',
      '72002:2131:1:0:0:0:0:0:0:0:2:0:1:1:1:2:1:1:1:1:4:0:1:2:2:4:5',
      '72002:6158:0:1:0:0:0:0:0:0:0:3:2:3:3:3:3:6:0:2:2:3:2:3:4:4:4',
      '83003:8420:0:0:0:0:0:0:0:0:1:0:0:0:3:1:2:1:1:4:4:4:4:4:4:4:3',
      '83003:9888:0:0:0:0:0:0:0:1:1:1:4:2:2:3:2:2:3:4:4:4:4:5:5:6:4',
    ],
  },
  {
    ...REDIRECT_WITHOUT_LOCATION_IS_FINAL_IN_ERROR_MODE,
    evidence: {
      status: 'evidenced',
      upstream: [
        { source: 'net/http/http_response_headers.cc', symbol: 'HttpResponseHeaders::IsRedirect' },
      ],
      observed:
        'Chromium 156: the 302 without Location reaches the page; so does a 301 or 302 without ' +
        'Location answered by the final URL (same-origin or cross-origin)',
    },
  },
  {
    id: 'client-hints-removed-on-redirect',
    reason:
      'client-hint request headers (dpr, width, ...) are removed when a redirect leaves the page ' +
      'origin, so a value that needed a preflight no longer does; the spec keeps author headers',
    fields: [...PREFLIGHT_FIELDS, 'actualSent', 'secFetch'],
    when: {
      request: {
        headers: [
          { names: ['device-memory', 'dpr', 'width', 'viewport-width', 'rtt', 'downlink', 'ect'] },
        ],
      },
      redirects: { present: true, hops: ['off-page-origin'] },
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'third_party/blink/renderer/platform/loader/fetch/resource_loader.cc',
          symbol: 'ResourceLoader::WillFollowRedirect',
        },
        {
          source: 'third_party/blink/common/client_hints/client_hints.cc',
          symbol: 'FindClientHintsToRemove',
        },
      ],
      observed:
        'Chromium 156: `dpr: x y` redirected same-origin → cross-origin goes without a preflight',
    },
    rows: ['redirects/client-hint-same-to-cross'],
    replays: ['777:1223:0:2:2:2:2:0:0:0:0:2:2:2:3:3:3:3:5:4:5:5:5:5'],
  },
  {
    id: 'origin-null-after-leaving-page-origin-in-no-cors',
    reason:
      'a no-cors POST redirected (307/308) from the page origin to another origin carries ' +
      '`Origin: null`; the spec taints the origin only after a hop from another origin',
    fields: ['originHeader'],
    when: {
      request: { api: ['fetch'], mode: ['no-cors'], method: ['POST'] },
      redirects: POST_REDIRECT_FROM_PAGE_ORIGIN,
    },
    evidence: {
      status: 'evidenced',
      upstream: [
        { source: 'net/url_request/redirect_util.cc', symbol: 'RedirectUtil::UpdateHttpRequest' },
      ],
      observed: 'Chromium 156: `Origin: null` at the same-site hop',
    },
    rows: ['redirects/no-cors-post-307-same-to-same-site'],
    replays: ['4242:946:0:4:4:4:4:4:4:5:4:4:8:7:7:7:7:7'],
  },
  {
    id: 'origin-null-on-credentialed-no-cors-from-opaque-client-same-site',
    reason:
      'a credentialed (credentials include) no-cors GET or HEAD from an opaque-origin client to ' +
      'a URL same-site with the top-level page carries `Origin: null`; fetch#append-a-request-' +
      'origin-header adds no Origin to a no-cors GET or HEAD',
    fields: ['originHeader'],
    when: {
      client: ['opaque-origin', 'data-url'],
      request: {
        mode: ['no-cors'],
        credentials: ['include'],
        target: [
          'same-origin',
          'same-site',
          'same-origin-of-parent',
          'cross-origin-different-port',
        ],
      },
      // No redirect, or only hops that stay on the same origin (vacuous without hops).
      redirects: { everyHop: 'same-origin' },
    },
    evidence: {
      status: 'unconfirmed',
      observed:
        'Chromium 156 (headless, http): `Origin: null` on a no-cors GET and HEAD with credentials ' +
        'include from the sandboxed-iframe and the data: URL clients to example.com, ' +
        'example.com on another port and sub.example.com; none to example.net or example.org, ' +
        'and none with credentials same-origin or omit; no Sec-Fetch-* headers on these http ' +
        'requests; the same at the final URL after a 301 that stays on the same origin (fuzz 150010:4681)',
      searched:
        'services/network/cors/cors_url_loader.cc (CorsURLLoader::StartRequest sets Origin only ' +
        'for the CORS flag or a method other than GET/HEAD), ' +
        'net/url_request/url_request_http_job.cc (AddExtraHeaders, ' +
        'MaybeSetSecFetchStorageAccessHeader: no Origin there); not found where the same-site ' +
        'credentialed case adds it',
    },
    replays: ['72002:371:1:4:4:4:4:4:5:4:4:4:4', '150010:4681:1:4:4:4:5:4:4:4:4:6:5:5:5:5:5:5:5:5'],
  },
  {
    id: 'proxy-auth-status-from-origin-server-is-network-error',
    reason:
      'a 407 answered by the server itself (no proxy in use) fails the request with ' +
      'ERR_UNEXPECTED_PROXY_AUTH, in every mode; fetch#http-network-or-cache-fetch has a page ' +
      'prompt for proxy credentials on a 407 rather than fail (the model, which never prompts, ' +
      'hands the 407 to the page)',
    fields: [...OUTCOME_FIELDS, 'loaded'],
    when: { finalStatus: [407] },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'net/http/http_network_transaction.cc',
          symbol: 'HttpNetworkTransaction::HandleAuthChallenge',
        },
      ],
      observed:
        'Chromium 156: a 407 from the final URL (fetch cors, same-origin, no-cors; XHR) or from a ' +
        'redirect hop is a network error; a 401 is handed to the page; a same-origin <img> ' +
        'answered 407 fires error (initiator fuzz seed 2612030, case 1727)',
    },
    rows: ['initiators-status/img-407-same'],
    replays: ['83003:9877:0:0:0:0:0:0:0:0:0:1:1:0:0:0:9:11:9:9:9:9:9:9:9'],
  },
  {
    id: 'request-timeout-retried-on-reused-connection',
    reason:
      'a 408 answered on a reused HTTP/1.1 connection makes the network stack send the same ' +
      'request again on a new connection (more requests on the wire, the last answer decides); ' +
      'fetch#http-network-or-cache-fetch hands a 408 on as it is',
    fields: ['secFetch'],
    when: { anyStatus: [408] },
    evidence: {
      status: 'evidenced',
      upstream: [
        {
          source: 'net/http/http_network_transaction.cc',
          symbol:
            'HttpNetworkTransaction::DoReadHeadersComplete (HTTP_REQUEST_TIMEOUT on a reused ' +
            'HTTP/1.1 stream: ResetConnectionAndRequestForResend)',
        },
      ],
      observed:
        'Chromium 156: a preflight answered 408 at a redirect hop reaches the fixture server ' +
        'several times; the journal lists each copy',
    },
    replays: [
      '61001:1319:0:1:0:0:0:0:0:0:1:1:1:1:1:4:3:3:3:5:5:5:5:15:13:13:13',
      '72002:821:0:0:0:0:0:0:0:0:0:2:2:12:10:10:11:12:10:10:10:10:10:10:10:10',
    ],
  },
  {
    ...CONDITIONAL_REQUEST_HEADER_PREFLIGHT_NOT_CACHED,
    reason:
      'a request carrying If-Modified-Since, If-None-Match, If-Unmodified-Since, If-Match or ' +
      'If-Range (cache mode default) neither stores its preflight result nor uses a cached one, ' +
      'so the next such request is preflighted again; fetch#http-network-or-cache-fetch turns ' +
      "such a request's cache mode to no-store only for the HTTP cache, after the preflight, and " +
      'the CORS-preflight cache does not look at cache modes',
    evidence: {
      status: 'unconfirmed',
      observed:
        'Chromium 156 (fuzz 83003:7148, whose later steps also hit a knob): fetch() and XHR with ' +
        'If-None-Match or If-Modified-Since (cache default), ' +
        'preflight allowed with ACAH * and max-age 60: the same request again is preflighted; ' +
        'with X-Custom instead, or with cache force-cache, it is not',
      searched:
        'the code search found the spec step (a WPT http-cache test) but no Chromium source; ' +
        'where Chromium turns a conditional request to no-store before the preflight was not ' +
        'looked up yet (candidates: third_party/blink/renderer/core/fetch/fetch_manager.cc, ' +
        'services/network/cors/preflight_controller.cc)',
    },
  },
];

export const CHROMIUM_FACTS: EngineFacts = {
  engine: 'chromium',
  profile: {
    ...SPEC,
    name: 'chromium',
    wildcardCoversAuthorization: true,
    extraSafelistedRequestHeaders: true,
    userAgentIsForbidden: true,
    rangePositionLimit: 'int64',
    maxAgeCapSeconds: 7200,
    maxAgeParsing: 'signed-integer',
    preflightCacheShape: 'result-per-url',
    preflightCacheKeyOrigin: 'untainted-origin',
    preflightCacheBypassModes: ['no-store', 'reload', 'no-cache'],
    preflightCacheNoStoreModes: ['no-store'],
    preflightCacheKeptAfterNetworkError: true,
    cookieSameSiteDefault: 'lax',
    sameSiteNoneRequiresSecure: true,
    thirdPartyCookies: 'block',
    uploadListenerNeedsBody: true,
  },
  conditions: [
    'cookies: the harness runs in a fresh browser context (CDP Target.createBrowserContext, ' +
      'as Playwright does), an off-the-record profile, which blocks third-party cookies by ' +
      'default (knob thirdPartyCookies: block); a stock regular profile allows them',
  ],
  knobs: {
    wildcardCoversAuthorization: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            wpt: 'third_party/blink/web_tests/external/wpt/fetch/api/cors/cors-preflight.any-expected.txt',
            test: '"authorization" should not be covered by the wildcard symbol',
          },
          {
            source: 'services/network/cors/preflight_result.cc',
            symbol: 'PreflightResult::EnsureAllowedCrossOriginHeaders',
          },
        ],
      },
    },
    extraSafelistedRequestHeaders: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'services/network/public/cpp/cors/cors.cc', symbol: 'IsCorsSafelistedHeader' },
        ],
        observed: 'Chromium 156: `dpr`, `width`, `save-data` with valid values are not preflighted',
      },
    },
    userAgentIsForbidden: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            wpt: 'third_party/blink/web_tests/external/wpt/fetch/api/request/request-headers.any-expected.txt',
            test: 'Adding valid request header "User-Agent: OK"',
          },
        ],
      },
    },
    rangePositionLimit: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'services/network/public/cpp/cors/cors.cc', symbol: 'IsCorsSafelistedHeader' },
          { source: 'net/http/http_util.cc', symbol: 'HttpUtil::ParseRangeHeader' },
        ],
        observed: 'Chromium 156: a Range position of 21 digits is preflighted',
      },
    },
    maxAgeCapSeconds: {
      evidence: {
        status: 'evidenced',
        upstream: [{ source: 'services/network/cors/preflight_result.cc', symbol: 'kMaxTimeout' }],
      },
    },
    maxAgeParsing: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/cors/preflight_result.cc',
            symbol: 'ParseAccessControlMaxAge',
          },
        ],
      },
    },
    preflightCacheShape: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/public/cpp/cors/preflight_cache.cc',
            symbol: 'PreflightCache::AppendEntry',
          },
          {
            source: 'services/network/public/cpp/cors/preflight_cache.cc',
            symbol: 'PreflightCache::CheckIfRequestCanSkipPreflight',
          },
        ],
      },
    },
    preflightCacheKeyOrigin: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/cors/preflight_controller.cc',
            symbol: 'PreflightController::PerformPreflightCheck',
          },
        ],
      },
    },
    preflightCacheBypassModes: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/cors/preflight_controller.cc',
            symbol: 'PreflightController::PerformPreflightCheck',
          },
        ],
        observed:
          'Chromium 156: no-store, reload and no-cache requests are preflighted again (the cache ' +
          'lookup is skipped for any RetrieveCacheFlags load flag; the mapping of cache modes onto ' +
          'those flags is inferred)',
      },
    },
    preflightCacheNoStoreModes: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/cors/preflight_controller.cc',
            symbol: 'PreflightController::PreflightLoader::FinishHandleResponseHeader',
          },
        ],
        observed:
          'Chromium 156: after a `cache: no-store` preflight (LOAD_DISABLE_CACHE: nothing is ' +
          'appended to the cache), a default-mode follow-up is preflighted again',
      },
    },
    preflightCacheKeptAfterNetworkError: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/public/cpp/cors/preflight_cache.cc',
            symbol: 'PreflightCache::CheckIfRequestCanSkipPreflight',
          },
        ],
        observed:
          'Chromium 156 (fuzz 9119:1384:0:0:0:0:0:0:0:0:0:2:1:1:1:1:1:1:1:1:3:2:2:4:2:5:3): after ' +
          'the actual response fails the CORS check, the same request 10 ms later is not ' +
          'preflighted again; the cache removes a result only when a lookup finds it expired or ' +
          'insufficient, where main fetch clears the entries on the network error',
      },
    },
    cookieSameSiteDefault: {
      evidence: {
        status: 'evidenced',
        upstream: [{ source: 'net/base/features.cc', symbol: 'kSameSiteByDefaultCookies' }],
        observed: 'Chromium 156: a cookie without SameSite is not sent cross-site',
      },
    },
    sameSiteNoneRequiresSecure: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'net/base/features.cc', symbol: 'kCookiesWithoutSameSiteMustBeSecure' },
        ],
        observed: 'Chromium 156: a SameSite=None cookie without Secure is not stored',
      },
    },
    thirdPartyCookies: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'components/content_settings/core/browser/cookie_settings.cc',
            symbol: 'CookieSettings::RegisterProfilePrefs',
          },
          {
            source: 'chrome/browser/devtools/devtools_browser_context_manager.cc',
            symbol: 'DevToolsBrowserContextManager::CreateBrowserContext',
          },
        ],
        observed:
          'Chromium 156 in an off-the-record browser context: a SameSite=None; Secure cookie ' +
          'of the cross-site https origin is not sent on a fetch from the page',
      },
    },
    uploadListenerNeedsBody: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'third_party/blink/renderer/core/xmlhttprequest/xml_http_request.cc',
            symbol: 'XMLHttpRequest::CreateRequest',
          },
        ],
        observed:
          'Chromium 156: a GET or a body-less POST with upload listeners is not preflighted',
      },
    },
  },
  rules: [...RULES, ...CHROMIUM_INITIATOR_RULES],
};
