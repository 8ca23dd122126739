// The response-filtering table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { RESPONSE_FILTERING_SCENARIOS } from './response-filtering.scenarios.js';

defineScenarioSuite('response-filtering', RESPONSE_FILTERING_SCENARIOS);
