// Opening an executor outside Playwright Test (the CLI and the bench): fixture servers and
// a browser, with the same host-name fallback the suites use; the verdicts read the engine's
// facts (src/engine-facts/). `model` is the browser-free executor.
import { startFixtureServers, type FixtureServers } from '../../servers/fixture-server.js';
import { launchEngine } from '../harness/engines/index.js';
import type { BrowserName } from '../harness/engines/types.js';
import { EngineSlot, RunSession } from '../harness/run.js';
import { getEngineProfile } from '../engine-facts/index.js';
import { browserExecutor, modelExecutor, type FuzzExecutor } from './executor.js';
import type { ModelFault } from './fault.js';

export const FUZZ_ENGINES = ['chromium', 'firefox', 'webkit', 'model'] as const;
export type FuzzEngineName = (typeof FUZZ_ENGINES)[number];

const SCRIPT_TIMEOUT_MS = 120_000;

/**
 * How many generated cases go to the engine per executor call, how many run at once in it,
 * and how many of those send a request at once.
 */
export interface FuzzPace {
  batchSize: number;
  concurrency: number;
  requestsAtOnce: number;
}

/**
 * fetch()/XHR cases: a batch waits for its slowest case (generated `then` steps wait up to
 * 2.2 s), so large batches with every case in flight keep the engine busy. Measured with
 * seed 1, 3,600 cases, three batches in flight (Chromium 156, Firefox ESR 153): 96 in flight
 * per batch of 200 gave 6,500 cases/min, 400 per batch of 400 about 9,500, 600 per batch of
 * 600 about 11,000.
 *
 * Only 24 of a batch's cases send at once: the rest wait out their delays or their turn.
 * WebKitGTK's libsoup keeps every request it cannot start yet in one queue, and each pass over
 * it probes every idle connection with a one-byte read for each waiting request (libsoup
 * `soup-connection-manager.c`, `soup_connection_manager_get_connection_locked`), so 600
 * requests at once cost its network process a full core in reads that find nothing. Same
 * session, seed 1, 3,600 cases: WebKit 7,400-7,800 cases/min without the cap, 9,200-11,000
 * with 12 to 48; Chromium and Firefox 3-5 % faster with 24 than without.
 */
export const FUZZ_PACE: FuzzPace = { batchSize: 600, concurrency: 600, requestsAtOnce: 24 };

/**
 * Initiator cases: each may start a worker, a media pipeline or a frame navigation, and 288
 * of them at once on a shared two-core machine let the page's 8 s wait for an event run out
 * (Firefox, seed 2612020: 82 of 2,000 cases, each passing alone).
 */
export const FUZZ_INITIATOR_PACE: FuzzPace = { batchSize: 200, concurrency: 24, requestsAtOnce: 0 };

/** The pace of a generator (`initiators`, or the default fetch()/XHR one). */
export function fuzzPaceOf(generator: 'initiators' | undefined): FuzzPace {
  return generator === 'initiators' ? FUZZ_INITIATOR_PACE : FUZZ_PACE;
}

export interface OpenExecutor {
  executor: FuzzExecutor;
  close(): Promise<void>;
}

/** Starts what `engine` needs and returns its executor; `close` stops all of it. */
export async function openExecutor(
  engine: FuzzEngineName,
  fault: ModelFault | null,
  pace: FuzzPace = FUZZ_PACE,
): Promise<OpenExecutor> {
  if (engine === 'model') {
    return {
      executor: modelExecutor(getEngineProfile('spec'), fault),
      close: () => Promise.resolve(),
    };
  }
  const browser: BrowserName = engine;
  let servers: FixtureServers = await startFixtureServers({ hostNames: true });
  const launch = (s: FixtureServers) =>
    launchEngine(browser, { hostNames: s.hostNameList, scriptTimeoutMs: SCRIPT_TIMEOUT_MS });
  let launched;
  try {
    launched = await launch(servers);
    if (!launched.info.hostNames) {
      await launched.close();
      await servers.close();
      servers = await startFixtureServers({ hostNames: false });
      launched = await launch(servers);
    }
  } catch (e) {
    await servers.close();
    throw e;
  }
  const slot = EngineSlot.for(launched, servers.hostNameList, SCRIPT_TIMEOUT_MS);
  const session = new RunSession(slot, servers);
  const executor = browserExecutor(slot, servers, {
    profile: getEngineProfile(browser),
    session,
    fault,
    concurrency: pace.concurrency,
    requestsAtOnce: pace.requestsAtOnce,
  });
  return {
    executor,
    close: async () => {
      await session.close();
      await slot.engine.close().catch(() => undefined);
      await servers.close();
    },
  };
}
