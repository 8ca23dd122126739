// The initiators-image table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { INITIATORS_IMAGE_SCENARIOS } from './initiators-image.scenarios.js';

defineScenarioSuite('initiators-image', INITIATORS_IMAGE_SCENARIOS);
