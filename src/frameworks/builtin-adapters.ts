// Every built-in adapter of the generated suites, in report order: the Node middlewares
// (current and older versions) and the Python ones from Debian's packages.
import { nodeSuiteAdapters } from './node-adapters.js';
import { pythonSuiteAdapters } from './python-adapters.js';
import type { SuiteAdapter } from './suite-adapter.js';

export function builtinSuiteAdapters(): SuiteAdapter[] {
  return [...nodeSuiteAdapters(), ...pythonSuiteAdapters()];
}
