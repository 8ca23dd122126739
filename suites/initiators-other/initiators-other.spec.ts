// The initiators-other table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { INITIATORS_OTHER_SCENARIOS } from './initiators-other.scenarios.js';

defineScenarioSuite('initiators-other', INITIATORS_OTHER_SCENARIOS);
