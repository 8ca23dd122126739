// The initiators-style-font table in every engine project: one test per scenario, one batch per worker.
import { defineScenarioSuite } from '../fixtures.js';
import { INITIATORS_STYLE_FONT_SCENARIOS } from './initiators-style-font.scenarios.js';

defineScenarioSuite('initiators-style-font', INITIATORS_STYLE_FONT_SCENARIOS);
