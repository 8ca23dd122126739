// The one door to the browsers: `launchEngine` picks the backend that drives the engine found.
import { launchBidiEngine } from './bidi-engine.js';
import { launchCdpEngine } from './cdp-engine.js';
import { findEngine, isMissing } from './detect.js';
import type { DetectOptions } from './detect.js';
import { assertNotStopping, trackEngine } from './live.js';
import { launchPlaywrightEngine } from './playwright-engine.js';
import type {
  BrowserName,
  Engine,
  EngineDriver,
  EngineInfo,
  EngineMissing,
  LaunchOptions,
} from './types.js';
import { launchWebDriverEngine } from './webdriver-engine.js';

export * from './types.js';
export { detectEngines, findEngine, isMissing, ENV_VARS, PACKAGES, fixFor } from './detect.js';
export type { DetectOptions } from './detect.js';
export { DEFAULT_HOST_NAMES, ensureHostsEntries, rewriteHostsText } from './hosts-file.js';
export { EnginesStopped, closeLiveEngines, liveEngineCount, signalsHandledByHost } from './live.js';

const LAUNCHERS: Record<EngineDriver, (info: EngineInfo, opts: LaunchOptions) => Promise<Engine>> =
  {
    cdp: launchCdpEngine,
    'webdriver-bidi': launchBidiEngine,
    'webdriver-classic': launchWebDriverEngine,
    playwright: launchPlaywrightEngine,
  };

/** The engine asked for is not installed; `missing.fix` is the command that installs it. */
export class EngineUnavailable extends Error {
  override readonly name = 'EngineUnavailable';
  constructor(readonly missing: EngineMissing) {
    super(`${missing.browser} is not available: ${missing.reason}. Fix: ${missing.fix}`);
  }
}

/**
 * Starts one browser of the given engine (one per worker). Throws EngineUnavailable when
 * missing, EnginesStopped once the process is shutting down. Every engine launched here is
 * closed by `closeLiveEngines()` if its owner has not closed it first.
 */
export async function launchEngine(
  browser: BrowserName,
  opts: LaunchOptions,
  detect: DetectOptions = {},
): Promise<Engine> {
  assertNotStopping();
  const found = await findEngine(browser, detect);
  if (isMissing(found)) throw new EngineUnavailable(found);
  const engine = await LAUNCHERS[found.driver](found, opts);
  try {
    // A stop that came while the browser started: it must not outlive the process.
    assertNotStopping();
  } catch (e) {
    await engine.close();
    throw e;
  }
  return trackEngine(engine);
}
