// Chromium: where it departs from the Fetch Standard, as profile knobs (the model computes
// them) and deviation rules (it cannot), each with evidence. Paths are in chromium/src.
import { SPEC } from '../model/spec-profile.js';
import type { EngineFacts } from './types.js';

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
    cookieSameSiteDefault: 'lax',
    sameSiteNoneRequiresSecure: true,
    thirdPartyCookies: 'block',
    uploadListenerNeedsBody: true,
  },
  conditions: [
    'Playwright browser contexts are off-the-record (incognito) profiles: third-party cookies ' +
      'are blocked there by default (CookieControlsMode::kIncognitoOnly), unlike a stock ' +
      'regular profile, which allows them today',
  ],
  knobs: {
    wildcardCoversAuthorization: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/public/cpp/features.cc',
            symbol: 'kCorsNonWildcardRequestHeadersSupport',
          },
          {
            wpt: 'third_party/blink/web_tests/external/wpt/fetch/api/cors/cors-preflight-star.any-expected.txt',
            test: 'CORS that succeeds with credentials: false; method: GET (allowed: get); header: X-Test,Authorization (allowed: *)',
          },
        ],
        observed: 'Chromium 156: `Authorization` allowed through `Access-Control-Allow-Headers: *`',
      },
    },
    extraSafelistedRequestHeaders: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'services/network/public/cpp/cors/cors.cc', symbol: 'IsCorsSafelistedHeader' },
        ],
        observed:
          'Chromium 156: `dpr`, `width`, `save-data` ... with valid values are not preflighted',
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
        observed: 'Chromium 156: a Range position above 2^64 is preflighted',
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
            source: 'services/network/cors/preflight_cache.cc',
            symbol: 'PreflightCache::AppendEntry',
          },
          {
            source: 'services/network/cors/preflight_cache.cc',
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
            source: 'services/network/cors/cors_url_loader.cc',
            symbol: 'CorsURLLoader::StartRequest',
          },
        ],
        observed: 'Chromium 156: no-store, reload and no-cache requests are preflighted again',
      },
    },
    preflightCacheNoStoreModes: {
      evidence: {
        status: 'evidenced',
        upstream: [
          {
            source: 'services/network/cors/preflight_controller.cc',
            symbol: 'PreflightController::PreflightLoader::HandleResponseHeader',
          },
        ],
      },
    },
    cookieSameSiteDefault: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'net/base/features.cc', symbol: 'kSameSiteByDefaultCookies' },
          { bug: 'https://crbug.com/953306' },
        ],
        observed: 'Chromium 156: a cookie without SameSite is not sent cross-site',
      },
    },
    sameSiteNoneRequiresSecure: {
      evidence: {
        status: 'evidenced',
        upstream: [
          { source: 'net/base/features.cc', symbol: 'kCookiesWithoutSameSiteMustBeSecure' },
          { bug: 'https://crbug.com/954551' },
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
            source: 'components/content_settings/core/browser/cookie_settings_unittest.cc',
            symbol: 'CookiesControlsEnabledForIncognito',
          },
        ],
        observed:
          'Chromium 156 in a Playwright (off-the-record) context: a SameSite=None; Secure cookie ' +
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
  rules: [],
};
