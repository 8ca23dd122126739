// Every engine this process has launched and not yet closed, so that whoever stops the
// process (the CLI's signal handler) can close them all, and no new one starts after that.
// Each engine's own `close()` ends the processes it started (browser, driver, Xvfb).
import type { Engine } from './types.js';

const live = new Set<Engine>();
let stopped = false;
let hostSignals = false;

/** Launches are refused after `closeLiveEngines()`: the process is shutting down. */
export class EnginesStopped extends Error {
  override readonly name = 'EnginesStopped';
  constructor() {
    super('not launching a browser: the process is stopping');
  }
}

/** Throws EnginesStopped once the process is stopping. */
export function assertNotStopping(): void {
  if (stopped) throw new EnginesStopped();
}

/** Keeps `engine` in the registry until its `close()` is called. */
export function trackEngine(engine: Engine): Engine {
  live.add(engine);
  const close = engine.close.bind(engine);
  engine.close = async () => {
    live.delete(engine);
    await close();
  };
  return engine;
}

/** How many engines are running now. */
export function liveEngineCount(): number {
  return live.size;
}

/** Closes every running engine (in parallel) and refuses further launches. */
export async function closeLiveEngines(): Promise<void> {
  stopped = true;
  const engines = [...live];
  live.clear();
  await Promise.allSettled(engines.map((e) => e.close()));
}

/**
 * Called by a host that handles SIGINT/SIGTERM/SIGHUP itself (the CLI): browsers are then
 * launched without Playwright's own signal handlers, which would close them and exit the
 * process before the host has finished its own cleanup.
 */
export function signalsHandledByHost(): void {
  hostSignals = true;
}

/**
 * Whether this process stops its browsers on a signal itself: the CLI, or a Playwright Test
 * worker (its runner stops it through teardown; a signal to the worker is ignored).
 */
export function hostHandlesSignals(): boolean {
  return hostSignals || process.env.TEST_WORKER_INDEX !== undefined;
}
