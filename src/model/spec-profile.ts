// The Fetch Standard itself as an engine profile: the values the model uses when it predicts
// for the spec, and the baseline every engine's knobs (src/engine-facts/) are compared with.
import type { EngineProfile } from './engine-profile.js';

/**
 * The standard (whatwg/fetch 586cd2a). Where the standard leaves a value to the user agent,
 * the choice is written here:
 * - `maxAgeCapSeconds`: the spec lets the UA impose a limit (cors-preflight-fetch step 7.10)
 *   but names none. 86400 s is the largest cap any engine uses (Firefox), so under `spec`
 *   a max-age no engine accepts is never predicted to be reused, and every value that some
 *   engine honours is honoured.
 * - `absentACAMAllowsForcedMethod`: off (no engine does it; `--spec-literal` turns it on).
 */
export const SPEC: EngineProfile = {
  name: 'spec',
  wildcardCoversAuthorization: false,
  extraSafelistedRequestHeaders: false,
  userAgentIsForbidden: false,
  rangeUnitCaseInsensitive: false,
  safelistedValueTotalLimit: true,
  nonASCIIByteIsCORSUnsafe: false,
  rangePositionLimit: 'none',
  maxAgeCapSeconds: 86400,
  maxAgeParsing: 'delta-seconds',
  preflightCacheShape: 'entry-per-token',
  preflightCacheKeyOrigin: 'request-origin',
  preflightCacheBypassModes: [],
  preflightCacheNoStoreModes: [],
  cachedWildcardCoversAuthorization: false,
  preflightCacheStoredBeforeChecks: false,
  preflightCacheKeptAfterNetworkError: false,
  redirectPreflightHeaders: 'current',
  absentACAMAllowsForcedMethod: false,
  cookieSameSiteDefault: 'none',
  sameSiteNoneRequiresSecure: false,
  thirdPartyCookies: 'allow',
  uploadListenerNeedsBody: false,
  sendsFetchMetadata: 'trustworthy-only',
  beaconNonSafelistedBlobThrows: false,
  emptyRepeatedResponseHeaderLinesIgnored: false,
  exactlySpelledRepeatedACAOFails: false,
};
