// What an engine does where the Fetch Standard leaves a choice to the user agent, or where the
// engine knowingly departs from it, as knobs the model computes with. Each knob is named after
// a behaviour and its values are behaviours: the model never asks which engine it is. The
// values per engine, with their upstream evidence, live in src/engine-facts/ (the one place
// for engine facts); the standard's own values are SPEC (spec-profile.ts).
import type { CacheMode } from '../scenario/types.js';

export type EngineName = 'spec' | 'chromium' | 'firefox' | 'webkit';
export const ENGINE_NAMES: readonly EngineName[] = ['spec', 'chromium', 'firefox', 'webkit'];

/**
 * How `Access-Control-Max-Age` is read:
 * - `delta-seconds`: one `delta-seconds` value, anything else (a repeat included) gives the
 *   default (https://fetch.spec.whatwg.org/#cors-preflight-fetch-0).
 * - `signed-integer`: the combined value as an integer with an optional sign; a non-integer
 *   gives the default, a negative number gives 0 (the result is never reused).
 * - `digits-else-uncached`: the combined value as digits only; absent or empty gives the
 *   default, any other non-digit value or 0 leaves the result uncached.
 */
export type MaxAgeParsing = 'delta-seconds' | 'signed-integer' | 'digits-else-uncached';

/** What happens to cookies on cross-site subresource requests (see EngineKnobs). */
export type ThirdPartyCookies = 'allow' | 'block' | 'partition' | 'send-only';

/**
 * How the CORS-preflight cache holds results:
 * - `entry-per-token`: one entry per method and per header name, accumulating across
 *   preflights (https://fetch.spec.whatwg.org/#concept-cache).
 * - `result-per-url`: one result per (origin, URL), replaced wholesale by each preflight;
 *   a lookup the result cannot satisfy deletes it.
 * - `tokens-per-url-and-credentials`: one result per (origin, URL, credentials flag) whose
 *   method and header tokens accumulate, each with its own expiry; GET and POST skip the
 *   method check (HEAD does not) and a cached `*` is compared literally.
 */
export type PreflightCacheShape =
  'entry-per-token' | 'result-per-url' | 'tokens-per-url-and-credentials';

export type RangePositionLimit = 'none' | 'int64' | 'uint64';

/** Which header list decides the preflight after a redirect (see EngineKnobs). */
export type RedirectPreflightHeaders = 'current' | 'initial' | 'initial-decides';

/** Which origin keys the preflight cache: the request's (tainted by redirects) or the untainted one. */
export type PreflightCacheKeyOrigin = 'request-origin' | 'untainted-origin';

export interface EngineKnobs {
  /** `Access-Control-Allow-Headers: *` also covers `Authorization`. Spec: false. */
  wildcardCoversAuthorization: boolean;
  /** Extra safelisted request headers (`dpr`, `width`, `save-data`, ...). Spec: false. */
  extraSafelistedRequestHeaders: boolean;
  /** `User-Agent` is a forbidden request header and silently dropped. Spec: false. */
  userAgentIsForbidden: boolean;
  /** The `bytes` unit of a safelisted `Range` value is matched case-insensitively. */
  rangeUnitCaseInsensitive: boolean;
  /** The 1024-byte total of safelisted request-header values applies. Spec: true. */
  safelistedValueTotalLimit: boolean;
  /**
   * A safelisted header value with a byte 0x80 or above is CORS-unsafe (the spec's unsafe
   * bytes are controls, the 14 delimiters and 0x7F only).
   */
  nonASCIIByteIsCORSUnsafe: boolean;
  /**
   * The largest `Range` position the engine parses: a larger one fails the parse, so the
   * header is not safelisted. The spec's `simple range header value` has no bound (`none`);
   * engines read positions into 64-bit integers, signed (`int64`) or not (`uint64`).
   */
  rangePositionLimit: RangePositionLimit;
  /** Upper bound on the preflight-cache lifetime, in seconds. */
  maxAgeCapSeconds: number;
  maxAgeParsing: MaxAgeParsing;
  preflightCacheShape: PreflightCacheShape;
  preflightCacheKeyOrigin: PreflightCacheKeyOrigin;
  /** Cache modes whose requests skip the preflight-cache lookup (a fresh preflight). */
  preflightCacheBypassModes: readonly CacheMode[];
  /** Cache modes whose preflight results are not stored. */
  preflightCacheNoStoreModes: readonly CacheMode[];
  /** With `result-per-url`: a cached `*` also covers `Authorization`. */
  cachedWildcardCoversAuthorization: boolean;
  /** The result is stored before the method/header checks (a failing check still caches). */
  preflightCacheStoredBeforeChecks: boolean;
  /** A network error does not clear the cache entries for the request. */
  preflightCacheKeptAfterNetworkError: boolean;
  /**
   * After a redirect, which header list decides the preflight. The spec (`current`) judges
   * the request as it is now, after a method rewrite or a cross-origin hop removed headers
   * (https://fetch.spec.whatwg.org/#concept-http-redirect-fetch). `initial`: the header list
   * the request started with decides whether to preflight and fills
   * `Access-Control-Request-Headers`. `initial-decides`: a request that started with
   * CORS-unsafe headers is preflighted (as if the use-CORS-preflight flag were set), and
   * `Access-Control-Request-Headers` lists only the unsafe names it still has.
   */
  redirectPreflightHeaders: RedirectPreflightHeaders;
  /**
   * With the use-CORS-preflight flag and no ACAM, the request's method counts as allowed
   * (the literal text of fetch#cors-preflight-fetch-0). No engine does it, so every profile,
   * `spec` included, has it off; `--spec-literal` may turn it on.
   */
  absentACAMAllowsForcedMethod: boolean;
  /**
   * The SameSite a cookie without the attribute is enforced with (RFC 6265bis leaves a
   * "Lax by default" mode to the UA). Spec profile: `none`.
   */
  cookieSameSiteDefault: 'none' | 'lax';
  /** `SameSite=None` without `Secure` is rejected when stored. Spec profile: false. */
  sameSiteNoneRequiresSecure: boolean;
  /**
   * Cookies on cross-site subresource requests: sent and stored (`allow`), never stored or
   * sent (`block`), kept in a jar partitioned by the top-level site (`partition`: cookies set
   * first-party are not sent, cookies set in that third-party context are), or sent but never
   * stored from a cross-site response (`send-only`). Spec: `allow`.
   */
  thirdPartyCookies: ThirdPartyCookies;
  /**
   * XHR: upload listeners force a preflight only when the request has a body (the XHR
   * standard sets the use-CORS-preflight flag whatever the body). Spec: false.
   */
  uploadListenerNeedsBody: boolean;
  /**
   * Where the Fetch Metadata headers (`Sec-Fetch-Site`, `-Mode`, `-Dest`, `-User`) are sent:
   * to potentially trustworthy URLs only (`trustworthy-only`,
   * https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-append-the-fetch-metadata-headers-for-a-request)
   * or never (`false`). Spec: `trustworthy-only`.
   */
  sendsFetchMetadata: false | 'trustworthy-only';
  /**
   * `navigator.sendBeacon()` with a Blob whose type is not a CORS-safelisted Content-Type
   * throws instead of making a cors-mode (preflighted) request. Spec: false.
   */
  beaconNonSafelistedBlobThrows: boolean;
  /**
   * An empty line of a response header that arrives more than once is ignored when the lines
   * are combined: the non-empty values are joined (all empty: one empty value). Spec: false
   * (https://fetch.spec.whatwg.org/#concept-header-list-get joins every line's value).
   */
  emptyRepeatedResponseHeaderLinesIgnored: boolean;
  /**
   * Before the CORS check reads `Access-Control-Allow-Origin`, a response with more than one
   * line whose name is spelled exactly `Access-Control-Allow-Origin` (byte for byte, as sent)
   * fails. Spec: false (the lines are combined, whatever their case).
   */
  exactlySpelledRepeatedACAOFails: boolean;
}

export type KnobName = keyof EngineKnobs;

export interface EngineProfile extends EngineKnobs {
  name: EngineName;
}
