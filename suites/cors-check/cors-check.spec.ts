// Area 5 (the CORS check) in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { CORS_CHECK_SCENARIOS } from './cors-check.scenarios.js';

defineScenarioSuite('cors-check', CORS_CHECK_SCENARIOS);
