// The reference model's public API.
export type { EngineKnobs, EngineName, EngineProfile } from './engine-profile.js';
export { ENGINE_NAMES } from './engine-profile.js';
export { CHROMIUM, FIREFOX, SPEC, WEBKIT, getEngineProfile } from './profiles.js';
export { predict, predictRequest, worldOf, clientOrigin } from './predict.js';
export type { PredictOptions, PredictState } from './predict.js';
export {
  EMPTY_PREFLIGHT_CACHE,
  lookupPreflightCache,
  storePreflightResult,
  clearCacheEntries,
} from './cors-preflight-cache.js';
export type { CacheEntry, CacheRequest, PreflightCache } from './cors-preflight-cache.js';
export { constructRequest, constructFetchRequest, constructXHRRequest } from './request.js';
export { createScenarioNetwork, MODEL_TOKEN } from './scenario-network.js';
export type { Network } from './scenario-network.js';
export { anchorUrl, fail, PASS } from './result.js';
export type { Check, StepFailure } from './result.js';
