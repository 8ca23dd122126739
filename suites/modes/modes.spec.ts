// The modes table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { MODES_SCENARIOS } from './modes.scenarios.js';

defineScenarioSuite('modes', MODES_SCENARIOS);
