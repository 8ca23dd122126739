// The one door to the browsers: `launchEngine` picks the backend that drives the engine found.
import { findEngine, isMissing } from './detect.js';
import type { DetectOptions } from './detect.js';
import { launchPlaywrightEngine } from './playwright-engine.js';
import type { BrowserName, Engine, EngineMissing, LaunchOptions } from './types.js';
import { launchWebDriverEngine } from './webdriver-engine.js';

export * from './types.js';
export { detectEngines, findEngine, isMissing, ENV_VARS, PACKAGES, fixFor } from './detect.js';
export type { DetectOptions } from './detect.js';
export { DEFAULT_HOST_NAMES, ensureHostsEntries, rewriteHostsText } from './hosts-file.js';

/** The engine asked for is not installed; `missing.fix` is the command that installs it. */
export class EngineUnavailable extends Error {
  override readonly name = 'EngineUnavailable';
  constructor(readonly missing: EngineMissing) {
    super(`${missing.browser} is not available: ${missing.reason}. Fix: ${missing.fix}`);
  }
}

/** Starts one browser of the given engine (one per worker). Throws EngineUnavailable when missing. */
export async function launchEngine(
  browser: BrowserName,
  opts: LaunchOptions,
  detect: DetectOptions = {},
): Promise<Engine> {
  const found = await findEngine(browser, detect);
  if (isMissing(found)) throw new EngineUnavailable(found);
  return found.driver === 'playwright'
    ? launchPlaywrightEngine(found, opts)
    : launchWebDriverEngine(found, opts);
}
