// The reference model's public API: predict() and the profiles first, then the spec
// algorithms themselves for callers that want one step (explain, audits, tests).
export type { EngineKnobs, EngineName, EngineProfile } from './engine-profile.js';
export { ENGINE_NAMES } from './engine-profile.js';
export { SPEC } from './spec-profile.js';
export { predict, predictRequest, worldOf, clientOrigin } from './predict.js';
export type { PredictOptions, PredictState } from './predict.js';
export { anchorUrl, fail, PASS } from './result.js';
export type { Check, StepFailure } from './result.js';

// Orchestration (fetch, main fetch, HTTP fetch, redirects, preflight, cache).
export type {
  FetchParams,
  FetchResponse,
  ModelRequest,
  ModelResponse,
  NetworkError,
} from './fetch-params.js';
export { fetch, mainFetch } from './main-fetch.js';
export { httpFetch, isRedirectStatus } from './http-fetch.js';
export { httpRedirectFetch, locationURL, REDIRECT_LIMIT } from './http-redirect-fetch.js';
export {
  appendARequestOriginHeader,
  httpNetworkOrCacheFetch,
} from './http-network-or-cache-fetch.js';
export { corsPreflightFetch } from './cors-preflight-fetch.js';
export {
  EMPTY_PREFLIGHT_CACHE,
  cacheEntryMatch,
  clearCacheEntries,
  headerNameCacheEntryMatch,
  lookupPreflightCache,
  methodCacheEntryMatch,
  storePreflightResult,
} from './cors-preflight-cache.js';
export type {
  CacheEntry,
  CacheLookup,
  CacheRequest,
  PreflightCache,
  PreflightResult,
} from './cors-preflight-cache.js';
export {
  basicFilteredResponse,
  corsFilteredResponse,
  opaqueFilteredResponse,
  opaqueRedirectFilteredResponse,
} from './filtered-response.js';
export {
  constructFetchRequest,
  constructRequest,
  constructXHRRequest,
  extractBodyType,
  headersAppend,
} from './request.js';
export { createScenarioNetwork, hopRoles, MODEL_TOKEN } from './scenario-network.js';
export type { Network, NetworkResponse } from './scenario-network.js';

// Leaf algorithms.
export { corsCheck } from './cors-check.js';
export { parseAccessControlMaxAge } from './max-age.js';
export { isCORSSafelistedMethod, isForbiddenMethod, isMethod, normalizeMethod } from './methods.js';
export {
  getCORSUnsafeRequestHeaderNames,
  isCORSNonWildcardRequestHeaderName,
  isCORSSafelistedRequestHeader,
  isForbiddenRequestHeader,
  isNoCORSSafelistedRequestHeader,
} from './request-headers.js';
export {
  corsExposedHeaderNameList,
  isCORSSafelistedResponseHeaderName,
  isForbiddenResponseHeaderName,
  readableHeaderNames,
} from './response-headers.js';
export {
  isSameOrigin,
  isSameSite,
  originOfURL,
  requestRedirectTaint,
  serializeAnOrigin,
  serializingARequestOrigin,
} from './origin.js';
export type { Origin } from './origin.js';
export { extractHeaderListValues, headerListGet } from './header-list.js';
export { parseAMIMEType } from './mime-type.js';
