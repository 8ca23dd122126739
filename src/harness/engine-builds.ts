// Engine builds side by side: when more than one build of an engine is on the machine
// (Playwright's own, the system package, one named by CORS_CONFORMANCE_<ENGINE>), each can be
// its own Playwright project, so both are columns of the same matrix. Detection results in,
// project descriptions out (pure); `detectEngineBuilds` is the thin part that looks.
import { ENV_VARS, findEngine, isMissing } from './engines/detect.js';
import type { DetectOptions } from './engines/detect.js';
import type { BrowserName, EngineInfo } from './engines/types.js';
import { BROWSER_NAMES } from './engines/types.js';

/**
 * What makes detection pick one build: the engine's env var set to the build's executable
 * (an env var wins over every other source), or removed (`null`: Playwright's own build is
 * then the first match).
 */
export interface BuildSelector {
  variable: string;
  executable: string | null;
}

/** One engine project: `name` is the matrix column; `select` picks the build at launch. */
export interface EngineProjectSpec {
  name: string;
  browser: BrowserName;
  /** The build's version, when the project stands for one build. */
  version?: string;
  /** Absent: the usual first match. */
  select?: BuildSelector;
}

export function selectorFor(
  build: Pick<EngineInfo, 'browser' | 'executable' | 'source'>,
): BuildSelector {
  return {
    variable: ENV_VARS[build.browser],
    executable: build.source === 'playwright' ? null : build.executable,
  };
}

/** `env` with the selector applied (a new object). */
export function envWithSelector(
  selector: BuildSelector,
  env: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv {
  const out = { ...env };
  if (selector.executable === null) delete out[selector.variable];
  else out[selector.variable] = selector.executable;
  return out;
}

/**
 * Applies a selector to `env` in place. A Playwright worker serves one project only, so a
 * worker fixture may point its own process's detection at the project's build this way
 * (relaunches after a crash then find the same build).
 */
export function applySelector(selector: BuildSelector, env: NodeJS.ProcessEnv = process.env): void {
  if (selector.executable === null) delete env[selector.variable];
  else env[selector.variable] = selector.executable;
}

/** The detection inputs that make `findEngine` pick exactly `build`. */
export function detectOptionsFor(
  build: Pick<EngineInfo, 'browser' | 'executable' | 'source'>,
  env: NodeJS.ProcessEnv,
): DetectOptions {
  // For WebKitGTK the env var names the WebKitWebDriver, so the build keeps its driver.
  return { env: envWithSelector(selectorFor(build), env) };
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
export function engineProjects(builds: readonly EngineInfo[]): EngineProjectSpec[] {
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
        select: selectorFor(b),
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

/** `CORS_ENGINE_BUILDS=all` asks for every build of each engine side by side. */
export const BUILDS_ENV = 'CORS_ENGINE_BUILDS';

/**
 * The engine projects for `engines`: one per engine, or with `CORS_ENGINE_BUILDS=all` one per
 * build found (engines with a single build keep their plain name).
 */
export async function engineProjectsFor(
  engines: readonly BrowserName[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<EngineProjectSpec[]> {
  if (env[BUILDS_ENV] !== 'all') return engines.map((e) => ({ name: e, browser: e }));
  const builds = await Promise.all(engines.map((e) => detectEngineBuilds(e, env)));
  return engineProjects(builds.flat());
}
