// The one launcher of the live stack: starts an engine with the host names its pages need
// mapped to loopback, and says which names it could not map. Chromium and Firefox map any
// name on their command line / profile. WebKit resolves through /etc/hosts, which would point
// real domains on this machine at loopback for good, so it is only given the fixture servers'
// names and names under reserved test domains; every other name is refused with a reason,
// and an engine that cannot map at all refuses them all. Callers fall back (the harness to
// port-based origins, verify and audit to reporting those origins as skipped).
import { FIXTURE_HOST_NAMES } from '../../servers/fixture-server.js';
import { launchEngine } from '../harness/engines/index.js';
import type { BrowserName } from '../harness/engines/types.js';
import { EngineSlot } from '../harness/run.js';

/** Special-use top-level names (RFC 6761) that never resolve on the public internet. */
const RESERVED_SUFFIXES = ['.test', '.localhost', '.invalid', '.example'];

/** Whether writing `name` into /etc/hosts can never shadow a real site. */
export function isReservedTestName(name: string): boolean {
  return (
    (FIXTURE_HOST_NAMES as readonly string[]).includes(name) ||
    RESERVED_SUFFIXES.some((s) => name.endsWith(s))
  );
}

export interface MappedLaunch {
  /** The engine, replaceable after a crash (a restart maps the same names). */
  slot: EngineSlot;
  /** Names the engine does not resolve to loopback, each with the reason. */
  refused: { name: string; reason: string }[];
}

export interface MappedLaunchOptions {
  /** Per in-page call, ms (the engine's script timeout). */
  scriptTimeoutMs?: number;
}

/** Starts `browser` with `hostNames` mapped to 127.0.0.1 as far as it can. */
export async function launchMapped(
  browser: BrowserName,
  hostNames: readonly string[],
  opts: MappedLaunchOptions = {},
): Promise<MappedLaunch> {
  const refused: { name: string; reason: string }[] = [];
  const wanted = [...new Set(hostNames)];
  const mapped =
    browser === 'webkit'
      ? wanted.filter((name) => {
          if (isReservedTestName(name)) return true;
          refused.push({
            name,
            reason:
              'WebKit resolves names through /etc/hosts, where only reserved test names are mapped (use chromium or firefox)',
          });
          return false;
        })
      : wanted;
  const launchOpts =
    opts.scriptTimeoutMs === undefined
      ? { hostNames: mapped }
      : { hostNames: mapped, scriptTimeoutMs: opts.scriptTimeoutMs };
  const engine = await launchEngine(browser, launchOpts);
  if (mapped.length > 0 && !engine.info.hostNames) {
    for (const name of mapped) {
      refused.push({ name, reason: `${browser} cannot map host names to loopback here` });
    }
  }
  return { slot: EngineSlot.for(engine, mapped, opts.scriptTimeoutMs), refused };
}
