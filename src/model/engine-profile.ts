// What each engine does where the Fetch Standard leaves a choice to the user agent, or where
// the engine knowingly departs from it. The `spec` profile is the standard itself; where the
// literal text is buggy (fetch-cors-digest.md section 22) it follows the engines and says so.
// Every knob that departs from `spec` in an engine profile carries its evidence.

export type EngineName = 'spec' | 'chromium' | 'firefox' | 'webkit';
export const ENGINE_NAMES: readonly EngineName[] = ['spec', 'chromium', 'firefox', 'webkit'];

/** How `Access-Control-Max-Age` is read (digest D4). */
export type MaxAgeParsing = 'spec' | 'chromium' | 'firefox' | 'webkit';

/** What happens to cookies on cross-site subresource requests (digest C7, D18). */
export type ThirdPartyCookies = 'allow' | 'block' | 'partition';

/** How the CORS-preflight cache is organised (digest D5). */
export type PreflightCacheKind = 'spec' | 'chromium' | 'firefox' | 'webkit';

export interface EngineKnobs {
  /** `Access-Control-Allow-Headers: *` also covers `Authorization` (D1). Spec: false. */
  wildcardCoversAuthorization: boolean;
  /** Chromium's extra safelisted request headers (`dpr`, `width`, `save-data`, ...) (D2). */
  extraSafelistedRequestHeaders: boolean;
  /** `User-Agent` is a forbidden request header and silently dropped (D7). Spec: false. */
  userAgentIsForbidden: boolean;
  /** The `bytes` unit of a safelisted `Range` value is matched case-insensitively. */
  rangeUnitCaseInsensitive: boolean;
  /** The 1024-byte total of safelisted request-header values applies (H8 step 2). */
  safelistedValueTotalLimit: boolean;
  /**
   * Repeated request headers of one name are judged as ONE combined value (`a, b`, the way
   * they go on the wire), not entry by entry as fetch#cors-unsafe-request-header-names says.
   * Optional (absent: false, the spec), so profiles built before it keep their meaning.
   */
  safelistChecksCombinedValue?: boolean;
  /** Upper bound on the preflight-cache lifetime, in seconds (D3). */
  maxAgeCapSeconds: number;
  maxAgeParsing: MaxAgeParsing;
  preflightCache: PreflightCacheKind;
  /**
   * With the use-CORS-preflight flag and no ACAM, the request's method counts as allowed
   * (the literal text of fetch#cors-preflight-fetch-0; digest Q2). No engine does it, so
   * every profile, `spec` included, has it off; `--spec-literal` may turn it on.
   */
  absentACAMAllowsForcedMethod: boolean;
  // The three cookie knobs are optional (absent: the spec profile's value), so profiles
  // built before they existed keep their meaning.
  /**
   * The SameSite a cookie without the attribute is enforced with (RFC 6265bis leaves a
   * "Lax by default" mode to the UA). Spec profile: `none`.
   */
  cookieSameSiteDefault?: 'none' | 'lax';
  /** `SameSite=None` without `Secure` is rejected when stored. Spec profile: false. */
  sameSiteNoneRequiresSecure?: boolean;
  /**
   * Cookies on cross-site subresource requests: sent (`allow`), never stored or sent
   * (`block`), or kept in a jar partitioned by the top-level site (`partition`: cookies set
   * first-party are not sent, cookies set in that third-party context are). Spec: `allow`.
   */
  thirdPartyCookies?: ThirdPartyCookies;
  /**
   * XHR: upload listeners force a preflight only when the request has a body (the XHR
   * standard sets the use-CORS-preflight flag whatever the body). Absent: false.
   */
  uploadListenerNeedsBody?: boolean;
}

export interface EngineProfile extends EngineKnobs {
  name: EngineName;
  /** Evidence for each knob whose value differs from the `spec` profile. */
  evidence: Partial<Record<keyof EngineKnobs, string>>;
}
