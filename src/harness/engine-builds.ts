// Engine builds side by side: when more than one build of an engine is on the machine
// (Playwright's own, the system package, one named by CORS_CONFORMANCE_<ENGINE>), each can be
// its own Playwright project, so both are columns of the same matrix. Detection results in,
// project descriptions out (pure); `detectEngineBuilds` is the thin part that looks.
import { ENV_VARS, findEngine, isMissing } from './engines/detect.js';
import type { DetectOptions } from './engines/detect.js';
import type { BrowserName, EngineInfo } from './engines/types.js';
import { BROWSER_NAMES } from './engines/types.js';

/** One engine project: `name` is the matrix column; `detect` picks the build at launch. */
export interface EngineProjectSpec {
  name: string;
  browser: BrowserName;
  /** The build's version, when the project stands for one build. */
  version?: string;
  /** How `launchEngine` finds this build; absent = the usual first match. */
  detect?: DetectOptions;
}

/** The detection inputs that make `findEngine` pick exactly `build`. */
export function detectOptionsFor(
  build: Pick<EngineInfo, 'browser' | 'executable' | 'source'>,
  env: NodeJS.ProcessEnv,
): DetectOptions {
  const variable = ENV_VARS[build.browser];
  if (build.source === 'playwright') {
    // Playwright's build is the first match once no env var points elsewhere.
    const rest = { ...env };
    delete rest[variable];
    return { env: rest };
  }
  // An env var wins over every other source and keeps the build's driver (WebDriver for WebKitGTK).
  return { env: { ...env, [variable]: build.executable } };
}

function tag(b: EngineInfo, clash: boolean): string {
  return clash ? `${b.version}-${b.source}` : b.version;
}

/**
 * One project per engine with a single build (named after the engine, launched as today);
 * for an engine with several distinct builds, one project per build, named
 * `<engine>@<version>` (`<engine>@<version>-<source>` when two builds share a version),
 * ordered env, Playwright, system.
 */
export function engineProjects(
  builds: readonly EngineInfo[],
  env: NodeJS.ProcessEnv = {},
): EngineProjectSpec[] {
  const order: EngineInfo['source'][] = ['env', 'playwright', 'system'];
  const out: EngineProjectSpec[] = [];
  for (const browser of BROWSER_NAMES) {
    const seen = new Set<string>();
    const mine = builds
      .filter((b) => b.browser === browser)
      .sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source))
      .filter((b) => {
        if (seen.has(b.executable)) return false;
        seen.add(b.executable);
        return true;
      });
    if (mine.length === 0) continue;
    if (mine.length === 1) {
      out.push({ name: browser, browser, version: mine[0]?.version ?? '' });
      continue;
    }
    for (const b of mine) {
      const clash = mine.filter((o) => o.version === b.version).length > 1;
      out.push({
        name: `${browser}@${tag(b, clash)}`,
        browser,
        version: b.version,
        detect: detectOptionsFor(b, env),
      });
    }
  }
  return out;
}

/**
 * Every distinct build of `browser` on this machine: the env var's, Playwright's and the
 * system package's (each source that finds one).
 */
export async function detectEngineBuilds(
  browser: BrowserName,
  env: NodeJS.ProcessEnv = process.env,
): Promise<EngineInfo[]> {
  const withoutVar = { ...env };
  delete withoutVar[ENV_VARS[browser]];
  const tries: DetectOptions[] = [
    { env },
    { env: withoutVar },
    { env: withoutVar, skipPlaywright: true },
  ];
  const found: EngineInfo[] = [];
  for (const opts of tries) {
    const r = await findEngine(browser, opts);
    if (!isMissing(r) && !found.some((f) => f.executable === r.executable)) found.push(r);
  }
  return found;
}
