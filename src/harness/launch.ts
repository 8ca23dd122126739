// Starts what a browser run needs, together: the fixture servers and one engine. The two
// depend on each other: the servers' origins use host names only when the engine can map
// them to loopback, so an engine that refuses them (src/live/launch.ts) gets port-based
// origins instead. Used by the suites' Playwright fixtures and by the library (src/test,
// src/index).
import { startFixtureServers, type FixtureServers } from '../../servers/fixture-server.js';
import { launchMapped } from '../live/launch.js';
import type { BrowserName } from './engines/types.js';
import type { EngineSlot } from './run.js';

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
  let servers = await startFixtureServers({ hostNames: true });
  let slot: EngineSlot;
  try {
    const first = await launchMapped(browser, servers.hostNameList, opts);
    slot = first.slot;
    if (first.refused.length > 0) {
      // This engine cannot map the fixture names to loopback here: use port-based origins.
      await slot.engine.close();
      await servers.close();
      servers = await startFixtureServers({ hostNames: false });
      slot = (await launchMapped(browser, [], opts)).slot;
    }
  } catch (e) {
    await servers.close();
    throw e;
  }
  const finalServers = servers;
  return {
    servers: finalServers,
    slot,
    async close() {
      try {
        await slot.close();
      } finally {
        await finalServers.close();
      }
    },
  };
}
