// The redirects table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { REDIRECTS_SCENARIOS } from './redirects.scenarios.js';

defineScenarioSuite('redirects', REDIRECTS_SCENARIOS);
