// The four engine profiles: the Fetch Standard itself and what Chromium, Firefox and WebKit do
// where the standard leaves a choice to the user agent or where they knowingly depart from it.
// Every knob that differs from SPEC cites its evidence (fetch-cors-digest.md section 21).
import type { EngineName, EngineProfile } from './engine-profile.js';

const DIGEST = 'shared/fetch-cors-digest.md';

/**
 * The standard (whatwg/fetch 586cd2a). Where the standard leaves a value to the user agent,
 * the choice is written here:
 * - `maxAgeCapSeconds`: the spec lets the UA impose a limit (cors-preflight-fetch step 7.10)
 *   but names none. 86400 s is the largest cap any engine uses (Firefox), so under `spec`
 *   a max-age no engine accepts is never predicted to be reused, and every value that some
 *   engine honours is honoured.
 * - `absentACAMAllowsForcedMethod`: off (digest Q2: no engine does it; `--spec-literal`).
 */
export const SPEC: EngineProfile = {
  name: 'spec',
  wildcardCoversAuthorization: false,
  extraSafelistedRequestHeaders: false,
  userAgentIsForbidden: false,
  rangeUnitCaseInsensitive: false,
  safelistedValueTotalLimit: true,
  safelistChecksCombinedValue: false,
  maxAgeCapSeconds: 86400,
  maxAgeParsing: 'spec',
  preflightCache: 'spec',
  absentACAMAllowsForcedMethod: false,
  cookieSameSiteDefault: 'none',
  sameSiteNoneRequiresSecure: false,
  thirdPartyCookies: 'allow',
  evidence: {},
};

export const CHROMIUM: EngineProfile = {
  ...SPEC,
  name: 'chromium',
  wildcardCoversAuthorization: true,
  extraSafelistedRequestHeaders: true,
  userAgentIsForbidden: true,
  safelistChecksCombinedValue: true,
  maxAgeCapSeconds: 7200,
  maxAgeParsing: 'chromium',
  preflightCache: 'chromium',
  cookieSameSiteDefault: 'lax',
  sameSiteNoneRequiresSecure: true,
  thirdPartyCookies: 'block',
  uploadListenerNeedsBody: true,
  evidence: {
    uploadListenerNeedsBody:
      `${DIGEST} D19 (Low, now observed): third_party/blink/renderer/core/xmlhttprequest/` +
      'xml_http_request.cc CreateRequest reads upload_->HasEventListeners() only inside ' +
      '`if (http_body && upload_)`, and only then asks for kCorsWithForcedPreflight; observed in ' +
      'Chromium 156: a GET or a body-less POST with upload listeners is not preflighted',
    cookieSameSiteDefault:
      `${DIGEST} D18 (Medium), C7: cookies without SameSite are Lax by default since Chrome 84 stable ` +
      '(https://blog.chromium.org/2020/05/resuming-samesite-cookie-changes-in-july.html, ' +
      'GoogleChrome/web.dev samesite-cookie-recipes); observed in Chromium 156: an unattributed ' +
      'cookie is not sent cross-site and a cross-site response cannot set one',
    sameSiteNoneRequiresSecure:
      `${DIGEST} D18 (Medium): ` +
      'same launch as cookieSameSiteDefault ("Incrementally Better Cookies": SameSite=None must be ' +
      'Secure); observed in Chromium 156: a SameSite=None cookie without Secure is not stored',
    thirdPartyCookies:
      `${DIGEST} D18 (Medium): ` +
      'Playwright browser contexts are off-the-record profiles, and components/content_settings/core/' +
      'browser/cookie_settings.cc registers prefs::kCookieControlsMode as CookieControlsMode::' +
      'kIncognitoOnly (third-party cookies blocked in incognito; cookie_settings_unittest.cc ' +
      'CookiesControlsEnabledForIncognito); observed in Chromium 156: a SameSite=None; Secure ' +
      'cookie of https://b.test is sent top-level but not on a fetch from http(s)://a.test',
    wildcardCoversAuthorization:
      `${DIGEST} D1 (High): services/network/public/cpp/features.cc kCorsNonWildcardRequestHeadersSupport ` +
      'is disabled by default; WPT third_party/blink/web_tests/external/wpt/fetch/api/cors/' +
      'cors-preflight.any-expected.txt and cors-preflight-star.any-expected.txt record FAIL for the spec rule',
    extraSafelistedRequestHeaders:
      `${DIGEST} D2 (High): services/network/public/cpp/cors/cors.cc IsCorsSafelistedHeader ` +
      '(dpr, device-memory, downlink, width, viewport-width, rtt, ect, save-data, intervention)',
    userAgentIsForbidden:
      `${DIGEST} D7 (High): WPT fetch/api/request/request-headers.any-expected.txt records FAIL ` +
      'for "Adding valid request header User-Agent: OK"',
    safelistChecksCombinedValue:
      'engine source (Medium): third_party/blink/renderer/core/fetch/fetch_manager.cc copies each ' +
      'FetchHeaderList entry with ResourceRequest::AddHttpHeaderField, which joins a repeated name ' +
      'into one `a, b` field before services/network/public/cpp/cors/cors.cc judges it; observed in ' +
      'Chromium 156: eight Accept lines of 128 bytes are preflighted with ACRH `accept`',
    maxAgeCapSeconds: `${DIGEST} D3 (High): services/network/cors/preflight_result.cc kMaxTimeout = 2 h`,
    maxAgeParsing: `${DIGEST} D4 (High): services/network/cors/preflight_result.cc: negative max-age gives 0`,
    preflightCache:
      `${DIGEST} D5 (Medium-High): services/network/cors/preflight_cache.cc, preflight_result.cc, ` +
      'preflight_controller.cc: one result per (origin, URL) replaced wholesale, a failing lookup ' +
      'deletes it, lookups apply the strict Authorization rule (D1), no-store/reload/no-cache bypass',
  },
};

export const FIREFOX: EngineProfile = {
  ...SPEC,
  name: 'firefox',
  wildcardCoversAuthorization: true,
  maxAgeCapSeconds: 86400,
  maxAgeParsing: 'firefox',
  preflightCache: 'firefox',
  sameSiteNoneRequiresSecure: true,
  thirdPartyCookies: 'partition',
  evidence: {
    sameSiteNoneRequiresSecure:
      `${DIGEST} D18 (Medium): ` +
      'pref network.cookie.sameSite.noneRequiresSecure (netwerk/cookie tests push it; ' +
      'browser_sameSiteConsole.js expects "rejected because it has the SameSite=None attribute but ' +
      'is missing the secure attribute"); observed in Firefox ESR 153: such a cookie is not stored. ' +
      'network.cookie.sameSite.laxByDefault stays false (MDN Firefox experimental features: not ' +
      'enabled in Release), so cookieSameSiteDefault keeps the spec value',
    thirdPartyCookies:
      `${DIGEST} D18 (Medium): ` +
      'Total Cookie Protection: network.cookie.cookieBehavior 5 (BEHAVIOR_REJECT_TRACKER_AND_' +
      'PARTITION_FOREIGN) is the default, so a cross-site subresource gets a jar partitioned by the ' +
      'top-level site; observed in Firefox ESR 153: cookies set first-party on b.test are not sent ' +
      'on a fetch from a.test',
    wildcardCoversAuthorization:
      `${DIGEST} D1 (High): pref network.cors_preflight.authorization_covered_by_wildcard defaults ` +
      'to true (netwerk/protocol/http/nsCORSListenerProxy.cpp CheckPreflightRequestApproved); ' +
      "Mozilla's WPT meta cors-preflight-star.any.js.ini sets it to false to run the spec behaviour",
    maxAgeParsing: `${DIGEST} D4 (High): nsCORSListenerProxy.cpp: a non-digit max-age is not cached at all, 0 is not cached`,
    preflightCache:
      `${DIGEST} D5 (Medium-High): nsCORSListenerProxy.cpp nsPreflightCache: accumulating per-token ` +
      'entries keyed with the credentials flag, cached `*` compared literally, HEAD needs ACAM; ' +
      'LOAD_BYPASS_CACHE skips the cache, and fetch cache modes no-store and reload map to it ' +
      '(inference; observed in Firefox ESR 153: both re-preflight, no-cache does not)',
  },
};

export const WEBKIT: EngineProfile = {
  ...SPEC,
  name: 'webkit',
  wildcardCoversAuthorization: true,
  rangeUnitCaseInsensitive: true,
  safelistChecksCombinedValue: true,
  maxAgeCapSeconds: 600,
  maxAgeParsing: 'webkit',
  preflightCache: 'webkit',
  evidence: {
    wildcardCoversAuthorization:
      `${DIGEST} D1 (High): Source/WebCore/loader/CrossOriginPreflightResultCache.cpp ` +
      'validateCrossOriginHeaders treats `*` as every header, Authorization included',
    rangeUnitCaseInsensitive:
      'engine source (Medium): Source/WebCore/platform/network/HTTPParsers.cpp parseRange matches ' +
      'the unit with startsWithLettersIgnoringASCIICase(range, "bytes="); observed in WebKitGTK ' +
      '2.50: `Range: Bytes=0-` is sent without a preflight',
    safelistChecksCombinedValue:
      'engine source (Medium): Source/WebCore/Modules/fetch/FetchRequest.cpp resourceRequest() ' +
      'hands the network layer the FetchHeaders HTTPHeaderMap, one joined value per name; observed ' +
      'in WebKitGTK 2.50: eight Accept lines of 128 bytes are preflighted with ACRH `accept`',
    maxAgeCapSeconds: `${DIGEST} D3 (High): CrossOriginPreflightResultCache.cpp maxPreflightCacheTimeout = 10 min`,
    maxAgeParsing: `${DIGEST} D4 (Medium): CrossOriginPreflightResultCache.cpp parseInteger accepts a leading +`,
    preflightCache:
      `${DIGEST} D5 (Medium): CrossOriginPreflightResultCache.cpp, CrossOriginAccessControl.cpp: ` +
      'one item per (origin, URL) replaced wholesale, appended before the method/header check',
  },
};

const PROFILES: Record<EngineName, EngineProfile> = {
  spec: SPEC,
  chromium: CHROMIUM,
  firefox: FIREFOX,
  webkit: WEBKIT,
};

/** The profile for an engine name. */
export function getEngineProfile(name: EngineName): EngineProfile {
  return PROFILES[name];
}
