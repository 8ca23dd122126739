// Area 1 (simple requests) in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { SIMPLE_SCENARIOS } from './simple.scenarios.js';

defineScenarioSuite('simple', SIMPLE_SCENARIOS);
