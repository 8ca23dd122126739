// The smoke table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { SMOKE_SCENARIOS } from './smoke.scenarios.js';

defineScenarioSuite('smoke', SMOKE_SCENARIOS);
