// Public entry of the portable scenario format: types, validation, placeholders, world.
export * from './types.js';
export {
  ScenarioError,
  SCENARIO_SCHEMA,
  parseScenario,
  parseScenarios,
  applyRequestOverrides,
  headerNameProblem,
  headerValueProblem,
} from './validate.js';
export {
  PLACEHOLDER_NAMES,
  normalizeHeaders,
  resolveHeaderList,
  resolvePlaceholders,
} from './placeholders.js';
export type { PlaceholderValues } from './placeholders.js';
export { DEFAULT_ORIGINS, defaultWorld } from './world.js';
export type { OriginMap, World } from './world.js';
