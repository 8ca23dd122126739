// Area 2 (preflight triggers) in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { PREFLIGHT_TRIGGER_SCENARIOS } from './preflight-triggers.scenarios.js';

defineScenarioSuite('preflight-triggers', PREFLIGHT_TRIGGER_SCENARIOS);
