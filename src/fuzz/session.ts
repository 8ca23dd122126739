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

/** Cases in flight per page call (three calls run at once): generated cases include 1.1 s waits. */
export const FUZZ_CONCURRENCY = 96;

/**
 * The same for initiator cases: each may start a worker, a media pipeline or a frame
 * navigation, and 288 of them at once on a shared two-core machine let the page's 8 s wait
 * for an event run out (Firefox, seed 2612020: 82 of 2,000 cases, each passing alone).
 */
export const FUZZ_INITIATOR_CONCURRENCY = 24;

export interface OpenExecutor {
  executor: FuzzExecutor;
  close(): Promise<void>;
}

/** Starts what `engine` needs and returns its executor; `close` stops all of it. */
export async function openExecutor(
  engine: FuzzEngineName,
  fault: ModelFault | null,
  concurrency = FUZZ_CONCURRENCY,
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
    concurrency,
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
