// The xhr table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { XHR_SCENARIOS } from './xhr.scenarios.js';

defineScenarioSuite('xhr', XHR_SCENARIOS);
