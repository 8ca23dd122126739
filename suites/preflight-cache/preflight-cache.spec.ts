// The preflight-cache table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { PREFLIGHT_CACHE_SCENARIOS } from './preflight-cache.scenarios.js';

defineScenarioSuite('preflight-cache', PREFLIGHT_CACHE_SCENARIOS);
