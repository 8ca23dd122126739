// Starts what a browser run needs, together: the fixture servers and one engine. The two
// depend on each other: the servers' origins use host names (`example.com` ...) only when the
// engine can map them to loopback, so an engine that cannot gets port-based origins instead.
// Used by the suites' Playwright fixtures and by the library (src/test, src/index).
import { startFixtureServers, type FixtureServers } from '../../servers/fixture-server.js';
import { launchEngine } from './engines/index.js';
import type { BrowserName } from './engines/types.js';
import { EngineSlot } from './run.js';

export interface HarnessWorld {
  servers: FixtureServers;
  /** The engine, replaceable after a crash; `close()` ends whichever engine it holds. */
  slot: EngineSlot;
  /** Ends the engine, then the servers. */
  close(): Promise<void>;
}

export interface StartHarnessOptions {
  /** Per in-page call, ms (the engine's script timeout). */
  scriptTimeoutMs?: number;
}

/** Starts fixture servers and `browser`, falling back to port-based origins when needed. */
export async function startHarnessWorld(
  browser: BrowserName,
  opts: StartHarnessOptions = {},
): Promise<HarnessWorld> {
  const launch = (s: FixtureServers) =>
    launchEngine(browser, {
      hostNames: s.hostNameList,
      ...(opts.scriptTimeoutMs === undefined ? {} : { scriptTimeoutMs: opts.scriptTimeoutMs }),
    });
  let servers = await startFixtureServers({ hostNames: true });
  let engine;
  try {
    engine = await launch(servers);
    if (!engine.info.hostNames) {
      // This engine cannot map example.com & co. to loopback here: use port-based origins.
      await engine.close();
      await servers.close();
      servers = await startFixtureServers({ hostNames: false });
      engine = await launch(servers);
    }
  } catch (e) {
    await servers.close();
    throw e;
  }
  const slot = EngineSlot.for(engine, servers.hostNameList, opts.scriptTimeoutMs);
  const finalServers = servers;
  return {
    servers: finalServers,
    slot,
    async close() {
      try {
        await slot.engine.close();
      } finally {
        await finalServers.close();
      }
    },
  };
}
