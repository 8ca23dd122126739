// Area 4 (the preflight response) in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { PREFLIGHT_RESPONSE_SCENARIOS } from './preflight-response.scenarios.js';

defineScenarioSuite('preflight-response', PREFLIGHT_RESPONSE_SCENARIOS);
