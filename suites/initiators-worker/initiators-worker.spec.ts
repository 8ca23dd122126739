// The initiators-worker table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { INITIATORS_WORKER_SCENARIOS } from './initiators-worker.scenarios.js';

defineScenarioSuite('initiators-worker', INITIATORS_WORKER_SCENARIOS);
