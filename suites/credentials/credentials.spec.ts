// The credentials table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { CREDENTIALS_SCENARIOS } from './credentials.scenarios.js';

defineScenarioSuite('credentials', CREDENTIALS_SCENARIOS);
