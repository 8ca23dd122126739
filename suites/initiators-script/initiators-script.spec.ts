// The initiators-script table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { INITIATORS_SCRIPT_SCENARIOS } from './initiators-script.scenarios.js';

defineScenarioSuite('initiators-script', INITIATORS_SCRIPT_SCENARIOS);
