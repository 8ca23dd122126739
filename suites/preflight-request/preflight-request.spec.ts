// Area 3 (the preflight request) in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { PREFLIGHT_REQUEST_SCENARIOS } from './preflight-request.scenarios.js';

defineScenarioSuite('preflight-request', PREFLIGHT_REQUEST_SCENARIOS);
